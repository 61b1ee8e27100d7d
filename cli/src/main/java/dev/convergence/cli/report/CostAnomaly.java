package dev.convergence.cli.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A row of {@code cost_anomalies}: a day whose EffectiveCost in one series lies outside the range
 * its trailing baseline expects.
 *
 * @param expectedLow the low end of the expected range
 * @param expectedHigh the high end of the expected range
 * @param score signed distance from the baseline median in scaled deviations: positive for a spike,
 *     negative for a drop
 * @param severity {@code low}, {@code medium} or {@code high}
 */
public record CostAnomaly(
    LocalDate chargeDay,
    String provider,
    String billingAccountId,
    String subAccountId,
    String serviceName,
    String currency,
    BigDecimal effectiveCost,
    BigDecimal baselineMedian,
    BigDecimal expectedLow,
    BigDecimal expectedHigh,
    BigDecimal score,
    String severity) {

  public CostAnomaly {
    Objects.requireNonNull(chargeDay, "chargeDay");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(effectiveCost, "effectiveCost");
    Objects.requireNonNull(severity, "severity");
  }

  /** Whether {@code cost} is a day of this anomaly's series. */
  boolean sameSeries(DailyCost cost) {
    return provider.equals(cost.provider())
        && Objects.equals(billingAccountId, cost.billingAccountId())
        && Objects.equals(subAccountId, cost.subAccountId())
        && Objects.equals(serviceName, cost.serviceName())
        && currency.equals(cost.currency());
  }
}
