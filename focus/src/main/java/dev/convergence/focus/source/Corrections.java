package dev.convergence.focus.source;

import java.time.Instant;

/**
 * FOCUS 1.2 ChargeClass from a row's own periods. ChargeClass is "Correction" only for a row that
 * corrects a previously invoiced billing period, and null for everything else, including a
 * correction within the current billing period. A row tells which period it corrects by its charge
 * period: one that starts before the billing period the row is invoiced in belongs to an earlier,
 * already invoiced period.
 */
public final class Corrections {

  public static final String CORRECTION = "Correction";

  private Corrections() {}

  /** "Correction" when the charge period starts before the billing period; otherwise null. */
  public static String chargeClass(Instant chargePeriodStart, Instant billingPeriodStart) {
    return chargePeriodStart.isBefore(billingPeriodStart) ? CORRECTION : null;
  }
}
