package dev.convergence.cli.report;

import dev.convergence.core.warehouse.WarehouseTables;
import java.util.List;
import java.util.Objects;

/**
 * One tenant's part of the report: what its schema's {@code daily_costs} and {@code cost_anomalies}
 * hold, and its runs from the operations tables.
 *
 * @param displayName the name a person knows the tenant by (the tenant's configured display name,
 *     or its id when the configuration is not at hand)
 * @param dailyCosts costs per charge day and series, sorted by day, then series
 * @param costCentres costs per cost centre and allocation basis, sorted by currency, then largest
 *     EffectiveCost first
 * @param anomalies anomalous days, oldest first
 * @param runs the tenant's runs, oldest start first
 */
public record TenantReport(
    String tenantId,
    String displayName,
    List<DailyCost> dailyCosts,
    List<CostCentreCost> costCentres,
    List<CostAnomaly> anomalies,
    List<RunReport> runs) {

  public TenantReport {
    WarehouseTables.checkTenantId(tenantId);
    Objects.requireNonNull(displayName, "displayName");
    dailyCosts = List.copyOf(dailyCosts);
    costCentres = List.copyOf(costCentres);
    anomalies = List.copyOf(anomalies);
    runs = List.copyOf(runs);
  }

  /** True when the tenant has published no costs and started no runs. */
  public boolean isEmpty() {
    return dailyCosts.isEmpty() && costCentres.isEmpty() && anomalies.isEmpty() && runs.isEmpty();
  }
}
