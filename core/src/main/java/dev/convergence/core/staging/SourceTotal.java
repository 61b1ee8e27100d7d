package dev.convergence.core.staging;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the source says one billing account was charged in the period: the FOCUS rows its records
 * map to and the sum of their BilledCost, exact, in the account's billing currency. The check stage
 * holds the staged output to these totals.
 *
 * @param rows FOCUS rows (a Google Cloud record with credits maps to one row per credit as well)
 */
public record SourceTotal(
    String billingAccountId, String billingCurrency, long rows, BigDecimal billedCost) {

  public SourceTotal {
    Objects.requireNonNull(billingAccountId, "billingAccountId");
    Objects.requireNonNull(billingCurrency, "billingCurrency");
    Objects.requireNonNull(billedCost, "billedCost");
    if (rows < 0) {
      throw new IllegalArgumentException("rows: must not be negative; got " + rows);
    }
  }
}
