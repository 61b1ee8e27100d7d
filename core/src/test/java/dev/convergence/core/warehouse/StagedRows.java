package dev.convergence.core.warehouse;

import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's staged output described by the few columns the warehouse tests vary; a test writes it as
 * Parquet with every other column of the {@link WarehouseTables} schema null.
 */
public record StagedRows(
    String runId, List<Focus> focus, List<Daily> daily, List<Anomaly> anomalies) {

  /** A FOCUS row: whose it is, when, and what it cost. */
  public record Focus(
      String tenantId,
      String runId,
      Provider provider,
      String billingAccountId,
      BillingPeriod period,
      LocalDate chargeDay,
      String serviceName,
      BigDecimal billedCost,
      long sourceLine) {}

  /** A daily aggregate row. */
  public record Daily(
      String tenantId,
      String runId,
      Provider provider,
      String billingAccountId,
      BillingPeriod period,
      LocalDate chargeDay,
      String serviceName,
      BigDecimal billedCost,
      long rowCount) {}

  /** A cost anomaly row. */
  public record Anomaly(
      String tenantId,
      String runId,
      Provider provider,
      String billingAccountId,
      BillingPeriod period,
      LocalDate chargeDay,
      String serviceName,
      BigDecimal effectiveCost,
      String severity) {}

  public StagedRows {
    focus = List.copyOf(focus);
    daily = List.copyOf(daily);
    anomalies = List.copyOf(anomalies);
  }

  /**
   * A consistent run for one tenant, provider and period: per account, {@code days} charge days
   * with one FOCUS row each costing {@code base + account index + day / 100}, the matching daily
   * rows, and one anomaly on the last day.
   */
  public static StagedRows bill(
      String tenantId,
      String runId,
      Provider provider,
      BillingPeriod period,
      List<String> accounts,
      int days,
      String base) {
    List<Focus> focus = new ArrayList<>();
    List<Daily> daily = new ArrayList<>();
    List<Anomaly> anomalies = new ArrayList<>();
    long line = 1;
    for (int a = 0; a < accounts.size(); a++) {
      String account = accounts.get(a);
      for (int d = 1; d <= days; d++) {
        LocalDate day = period.month().atDay(d);
        BigDecimal cost =
            new BigDecimal(base).add(BigDecimal.valueOf(a)).add(BigDecimal.valueOf(d, 2));
        focus.add(
            new Focus(tenantId, runId, provider, account, period, day, "Compute", cost, line++));
        daily.add(new Daily(tenantId, runId, provider, account, period, day, "Compute", cost, 1));
      }
      LocalDate last = period.month().atDay(days);
      anomalies.add(
          new Anomaly(
              tenantId,
              runId,
              provider,
              account,
              period,
              last,
              "Compute",
              new BigDecimal(base).multiply(BigDecimal.TEN),
              "high"));
    }
    return new StagedRows(runId, focus, daily, anomalies);
  }

  /** The same rows without anomalies (a run that found none writes no anomaly part file). */
  public StagedRows withoutAnomalies() {
    return new StagedRows(runId, focus, daily, List.of());
  }

  /** The sum of the FOCUS rows' BilledCost for one account, at the warehouse's scale. */
  public BigDecimal billedCost(String account) {
    return focus.stream()
        .filter(f -> f.billingAccountId().equals(account))
        .map(Focus::billedCost)
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(ColumnType.DECIMAL_SCALE);
  }

  public long focusRows(String account) {
    return focus.stream().filter(f -> f.billingAccountId().equals(account)).count();
  }
}
