package dev.convergence.core.pipeline;

import dev.convergence.core.config.Require;
import java.math.BigDecimal;

/**
 * What the check stage holds a run's staged output to before anything is published.
 *
 * @param reconciliationTolerance how far, in the billing currency, the output's BilledCost total
 *     may be from the source's own total; 0.00 means to the cent
 * @param maxRejectShare the largest share of source rows (0 to 1) that may go to rejects before the
 *     run fails
 */
public record DataQualitySettings(BigDecimal reconciliationTolerance, BigDecimal maxRejectShare) {

  public static final DataQualitySettings DEFAULT =
      new DataQualitySettings(new BigDecimal("0.00"), BigDecimal.ZERO);

  public DataQualitySettings {
    reconciliationTolerance =
        reconciliationTolerance == null
            ? DEFAULT.reconciliationTolerance()
            : reconciliationTolerance;
    maxRejectShare = maxRejectShare == null ? BigDecimal.ZERO : maxRejectShare;
    Require.that(
        reconciliationTolerance.signum() >= 0,
        "reconciliation_tolerance",
        "must not be negative; got " + reconciliationTolerance);
    Require.that(
        maxRejectShare.signum() >= 0 && maxRejectShare.compareTo(BigDecimal.ONE) <= 0,
        "max_reject_share",
        "must be between 0 and 1; got " + maxRejectShare);
  }
}
