package dev.convergence.flink.operators;

import dev.convergence.core.provider.Provider;
import dev.convergence.focus.FocusRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One line of the daily aggregates output: the FOCUS rows of one charge day (the UTC date of
 * ChargePeriodStart) × provider × billing account × sub-account × service × region × billing
 * currency × cost centre, with their BilledCost, EffectiveCost and ListCost summed exactly and
 * counted. Amounts of different currencies are never summed together. A sum is null when every
 * summed value is null, as SQL's {@code sum} is. The cost centre is null (unallocated) until cost
 * allocation fills it.
 */
public record DailyAggregate(
    String xTenantId,
    String xRunId,
    LocalDate chargeDay,
    Provider provider,
    String billingAccountId,
    String subAccountId,
    String serviceName,
    String regionId,
    String billingCurrency,
    String costCentre,
    BigDecimal billedCost,
    BigDecimal effectiveCost,
    BigDecimal listCost,
    long rowCount) {

  /** The Parquet column names, in component order. */
  public static final List<String> COLUMNS =
      List.of(
          "x_tenant_id",
          "x_run_id",
          "charge_day",
          "provider",
          "billing_account_id",
          "sub_account_id",
          "service_name",
          "region_id",
          "billing_currency",
          "cost_centre",
          "billed_cost",
          "effective_cost",
          "list_cost",
          "row_count");

  public DailyAggregate {
    Objects.requireNonNull(chargeDay, "chargeDay");
    Objects.requireNonNull(provider, "provider");
    if (rowCount < 1) {
      throw new IllegalArgumentException("an aggregate counts at least one row: " + rowCount);
    }
  }

  /** The aggregate of one row, not yet allocated to a cost centre. */
  public static DailyAggregate of(FocusRow row) {
    return new DailyAggregate(
        row.xTenantId(),
        row.xRunId(),
        LocalDate.ofInstant(row.chargePeriodStart(), ZoneOffset.UTC),
        row.xProvider(),
        row.billingAccountId(),
        row.subAccountId(),
        row.serviceName(),
        row.regionId(),
        row.billingCurrency(),
        null,
        row.billedCost(),
        row.effectiveCost(),
        row.listCost(),
        1);
  }

  /**
   * The group this aggregate belongs to, as an unambiguous string: each key column length-prefixed,
   * null marked apart from every string.
   */
  public String groupKey() {
    StringBuilder key = new StringBuilder();
    for (String part :
        Arrays.asList(
            xTenantId,
            xRunId,
            chargeDay.toString(),
            provider.wireName(),
            billingAccountId,
            subAccountId,
            serviceName,
            regionId,
            billingCurrency,
            costCentre)) {
      if (part == null) {
        key.append('-');
      } else {
        key.append(part.length()).append(':').append(part);
      }
    }
    return key.toString();
  }

  /** This aggregate and another of the same group, summed. */
  DailyAggregate plus(DailyAggregate other) {
    return new DailyAggregate(
        xTenantId,
        xRunId,
        chargeDay,
        provider,
        billingAccountId,
        subAccountId,
        serviceName,
        regionId,
        billingCurrency,
        costCentre,
        sum(billedCost, other.billedCost),
        sum(effectiveCost, other.effectiveCost),
        sum(listCost, other.listCost),
        rowCount + other.rowCount);
  }

  private static BigDecimal sum(BigDecimal a, BigDecimal b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a.add(b);
  }
}
