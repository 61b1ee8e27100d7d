package dev.convergence.cli.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A day's cost of one series, summed over the other {@code daily_costs} dimensions (region, charge
 * category, cost centre). The series is the one anomalies are scored on, so an anomaly can be drawn
 * on its own series; charts by service sum these rows again.
 *
 * @param chargeDay the UTC date of ChargePeriodStart
 * @param currency the BillingCurrency; amounts of different currencies are never summed together
 * @param billedCost summed BilledCost, exact; zero when every summed value was null
 * @param effectiveCost summed EffectiveCost, exact; zero when every summed value was null
 */
public record DailyCost(
    LocalDate chargeDay,
    String provider,
    String billingAccountId,
    String subAccountId,
    String serviceName,
    String currency,
    BigDecimal billedCost,
    BigDecimal effectiveCost) {

  public DailyCost {
    Objects.requireNonNull(chargeDay, "chargeDay");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(billedCost, "billedCost");
    Objects.requireNonNull(effectiveCost, "effectiveCost");
  }
}
