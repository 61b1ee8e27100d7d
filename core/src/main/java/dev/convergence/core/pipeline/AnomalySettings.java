package dev.convergence.core.pipeline;

import dev.convergence.core.config.Require;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * How the processing job scores a day's cost against its trailing baseline (median and median
 * absolute deviation over {@code baselineDays}).
 *
 * @param threshold how many scaled median absolute deviations from the median make an anomaly
 * @param minDailyCost days below this EffectiveCost are never anomalies: noise on small costs
 */
public record AnomalySettings(Integer baselineDays, BigDecimal threshold, BigDecimal minDailyCost)
    implements Serializable {

  public static final AnomalySettings DEFAULT =
      new AnomalySettings(14, new BigDecimal("3.5"), new BigDecimal("1.00"));

  public AnomalySettings {
    baselineDays = baselineDays == null ? 14 : baselineDays;
    threshold = threshold == null ? new BigDecimal("3.5") : threshold;
    minDailyCost = minDailyCost == null ? new BigDecimal("1.00") : minDailyCost;
    Require.that(
        baselineDays >= 7 && baselineDays <= 90,
        "baseline_days",
        "must be between 7 and 90; got " + baselineDays);
    Require.that(threshold.signum() > 0, "threshold", "must be positive; got " + threshold);
    Require.that(
        minDailyCost.signum() >= 0, "min_daily_cost", "must not be negative; got " + minDailyCost);
  }
}
