package dev.convergence.flink.anomaly;

import dev.convergence.core.provider.Provider;
import dev.convergence.flink.operators.DailyAggregate;
import dev.convergence.flink.types.GroupKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One day's usage EffectiveCost (part of it: points of one series and day are summed) in one
 * anomaly series: provider × billing account × sub-account × service × billing currency.
 */
public record CostPoint(
    Provider provider,
    String billingAccountId,
    String subAccountId,
    String serviceName,
    String billingCurrency,
    Instant billingPeriodStart,
    LocalDate chargeDay,
    BigDecimal effectiveCost,
    PointOrigin origin) {

  /** The ChargeCategory scored: purchases, taxes and credits are expected to be lumpy. */
  public static final String SCORED_CATEGORY = "Usage";

  public CostPoint {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(chargeDay, "chargeDay");
    Objects.requireNonNull(effectiveCost, "effectiveCost");
    Objects.requireNonNull(origin, "origin");
  }

  /** Whether an aggregate counts toward anomaly scoring: usage with an EffectiveCost. */
  public static boolean scored(DailyAggregate a) {
    return SCORED_CATEGORY.equals(a.chargeCategory()) && a.effectiveCost() != null;
  }

  public static CostPoint of(DailyAggregate a, PointOrigin origin) {
    return new CostPoint(
        a.provider(),
        a.billingAccountId(),
        a.subAccountId(),
        a.serviceName(),
        a.billingCurrency(),
        a.billingPeriodStart(),
        a.chargeDay(),
        a.effectiveCost(),
        origin);
  }

  /** The series this point belongs to, as an unambiguous string. */
  public String seriesKey() {
    return GroupKey.of(
        provider.wireName(), billingAccountId, subAccountId, serviceName, billingCurrency);
  }
}
