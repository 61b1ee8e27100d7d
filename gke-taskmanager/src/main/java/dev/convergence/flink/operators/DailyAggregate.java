package dev.convergence.flink.operators;

import dev.convergence.core.provider.Provider;
import dev.convergence.flink.allocation.AllocationBasis;
import dev.convergence.flink.types.GroupKey;
import dev.convergence.focus.FocusRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * One line of the daily aggregates output: the FOCUS rows of one charge day (the UTC date of
 * ChargePeriodStart) × billing period × provider × billing account × sub-account × service × region
 * × charge category × billing currency × cost centre, with their BilledCost, EffectiveCost and
 * ListCost summed exactly and counted. Amounts of different currencies are never summed together. A
 * sum is null when every summed value is null, as SQL's {@code sum} is.
 *
 * <p>The billing period is part of the group because a correction can charge a day of an earlier
 * period: the warehouse replaces slices by billing period, so each line must say which one it
 * belongs to. {@code allocation} says how the cost reached {@code costCentre}: by a rule (the rows'
 * tags), as a proportional share of unmatched or shared cost (then {@code rowCount} is the share of
 * the rows, which can be 0), or not at all (cost centre null).
 */
public record DailyAggregate(
    String xTenantId,
    String xRunId,
    LocalDate chargeDay,
    Instant billingPeriodStart,
    Provider provider,
    String billingAccountId,
    String subAccountId,
    String serviceName,
    String regionId,
    String chargeCategory,
    String billingCurrency,
    String costCentre,
    AllocationBasis allocation,
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
          "billing_period_start",
          "provider",
          "billing_account_id",
          "sub_account_id",
          "service_name",
          "region_id",
          "charge_category",
          "billing_currency",
          "cost_centre",
          "allocation",
          "billed_cost",
          "effective_cost",
          "list_cost",
          "row_count");

  public DailyAggregate {
    Objects.requireNonNull(chargeDay, "chargeDay");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(allocation, "allocation");
    if (rowCount < (allocation == AllocationBasis.PROPORTIONAL ? 0 : 1)) {
      throw new IllegalArgumentException("an aggregate counts at least one row: " + rowCount);
    }
    if ((costCentre == null) != (allocation == AllocationBasis.UNALLOCATED)) {
      throw new IllegalArgumentException(
          "cost centre " + costCentre + " does not fit allocation " + allocation.wireName());
    }
  }

  /** The group of one row, in its direct cost centre, or unallocated (null) for now. */
  public static Group groupOf(FocusRow row, String costCentre) {
    return new Group(
        row.xTenantId(),
        row.xRunId(),
        LocalDate.ofInstant(row.chargePeriodStart(), ZoneOffset.UTC),
        row.billingPeriodStart(),
        row.xProvider(),
        row.billingAccountId(),
        row.subAccountId(),
        row.serviceName(),
        row.regionId(),
        row.chargeCategory(),
        row.billingCurrency(),
        costCentre,
        costCentre == null ? AllocationBasis.UNALLOCATED : AllocationBasis.RULE);
  }

  /** A proportional share of this (unallocated) aggregate, given to {@code centre}. */
  public DailyAggregate share(
      String centre, BigDecimal billed, BigDecimal effective, BigDecimal list, long rows) {
    return withCosts(centre, AllocationBasis.PROPORTIONAL, billed, effective, list, rows);
  }

  /**
   * The group this aggregate belongs to, as an unambiguous string: each key column length-prefixed,
   * null marked apart from every string.
   */
  public String groupKey() {
    return group().key();
  }

  /**
   * The group this aggregate belongs to, as a value: the same groups as {@link #groupKey()}, but
   * made and hashed without formatting dates into a string, for sums within one subtask.
   */
  public Group group() {
    return groupIn(costCentre, allocation);
  }

  /** This aggregate's day and group columns, with another cost centre. */
  private Group groupIn(String centre, AllocationBasis basis) {
    return new Group(
        xTenantId,
        xRunId,
        chargeDay,
        billingPeriodStart,
        provider,
        billingAccountId,
        subAccountId,
        serviceName,
        regionId,
        chargeCategory,
        billingCurrency,
        centre,
        basis);
  }

  /** The key columns of a daily aggregate. */
  public record Group(
      String xTenantId,
      String xRunId,
      LocalDate chargeDay,
      Instant billingPeriodStart,
      Provider provider,
      String billingAccountId,
      String subAccountId,
      String serviceName,
      String regionId,
      String chargeCategory,
      String billingCurrency,
      String costCentre,
      AllocationBasis allocation) {

    /** The group as an unambiguous string: each column length-prefixed, null marked apart. */
    public String key() {
      return GroupKey.of(
          xTenantId,
          xRunId,
          chargeDay.toString(),
          billingPeriodStart == null ? null : billingPeriodStart.toString(),
          provider.wireName(),
          billingAccountId,
          subAccountId,
          serviceName,
          regionId,
          chargeCategory,
          billingCurrency,
          costCentre,
          allocation.wireName());
    }

    /** The aggregate of this group with these sums. */
    public DailyAggregate aggregate(
        BigDecimal billed, BigDecimal effective, BigDecimal list, long rows) {
      return new DailyAggregate(
          xTenantId,
          xRunId,
          chargeDay,
          billingPeriodStart,
          provider,
          billingAccountId,
          subAccountId,
          serviceName,
          regionId,
          chargeCategory,
          billingCurrency,
          costCentre,
          allocation,
          billed,
          effective,
          list,
          rows);
    }
  }

  /** This aggregate and another of the same group, summed. */
  public DailyAggregate plus(DailyAggregate other) {
    return withCosts(
        costCentre,
        allocation,
        sum(billedCost, other.billedCost),
        sum(effectiveCost, other.effectiveCost),
        sum(listCost, other.listCost),
        rowCount + other.rowCount);
  }

  /** This aggregate's day and group columns, with another cost centre and other costs. */
  private DailyAggregate withCosts(
      String centre,
      AllocationBasis basis,
      BigDecimal billed,
      BigDecimal effective,
      BigDecimal list,
      long rows) {
    return groupIn(centre, basis).aggregate(billed, effective, list, rows);
  }

  /** Two amounts summed, as SQL's {@code sum} does: null only when both are. */
  static BigDecimal sum(BigDecimal a, BigDecimal b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a.add(b);
  }
}
