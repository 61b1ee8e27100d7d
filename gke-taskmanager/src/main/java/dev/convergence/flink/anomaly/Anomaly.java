package dev.convergence.flink.anomaly;

import dev.convergence.core.provider.Provider;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A day whose usage EffectiveCost in one series (provider × billing account × sub-account × service
 * × currency) lies outside the range its trailing baseline expects: {@code baselineMedian} ±
 * threshold × scale, where the scale is the baseline's median absolute deviation made comparable to
 * a standard deviation. {@code score} is the signed distance in scales: positive for a spike,
 * negative for a drop.
 */
public record Anomaly(
    String xTenantId,
    String xRunId,
    Provider provider,
    String billingAccountId,
    Instant billingPeriodStart,
    String subAccountId,
    String serviceName,
    String billingCurrency,
    LocalDate chargeDay,
    BigDecimal effectiveCost,
    BigDecimal baselineMedian,
    BigDecimal expectedLow,
    BigDecimal expectedHigh,
    BigDecimal score,
    int baselineDays,
    Severity severity) {

  /** The Parquet column names, in component order. */
  public static final List<String> COLUMNS =
      List.of(
          "x_tenant_id",
          "x_run_id",
          "provider",
          "billing_account_id",
          "billing_period_start",
          "sub_account_id",
          "service_name",
          "billing_currency",
          "charge_day",
          "effective_cost",
          "baseline_median",
          "expected_low",
          "expected_high",
          "score",
          "baseline_days",
          "severity");
}
