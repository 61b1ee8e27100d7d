package dev.convergence.core.warehouse;

import java.util.List;

/**
 * Where published cost data and the operations record live: BigQuery in the cloud, DuckDB on one
 * machine, with the same semantics.
 *
 * <p>Each tenant has a dataset (BigQuery) or schema (DuckDB) named by its id, holding {@code
 * focus_costs}, {@code daily_costs} and {@code cost_anomalies}; {@value
 * WarehouseTables#OPS_DATASET} holds {@code pipeline_runs}, {@code step_logs} and {@code
 * dq_results}. Tables are created from {@link WarehouseTables} on first use. A table behind the
 * catalogue is not changed silently: the call fails with {@link
 * WarehouseException.Reason#SCHEMA_OUT_OF_DATE} until {@link #migrate} adds the missing columns.
 *
 * <p>Every write is idempotent, so a retried step (the platform retries a failed task) leaves the
 * tables as one successful attempt would.
 */
public interface Warehouse {

  /**
   * Replaces the slices the staged output covers, atomically: the (tenant, provider, billing
   * account, billing period) slice of every billing account in the staged FOCUS rows, in {@code
   * focus_costs}, {@code daily_costs} and {@code cost_anomalies} at once. A reader sees the old
   * slices or the new ones, never a mix and never both; no other slice is touched. Publishing the
   * same staged output again leaves identical tables.
   *
   * @throws WarehouseException when nothing was replaced: the staged rows are not all the
   *     publication's ({@code STAGED_DATA_MISMATCH}), a table is behind the catalogue, or the
   *     warehouse failed
   */
  PublishResult publish(Publication publication);

  /** Writes the run's row of {@code pipeline_runs}, replacing the one with the same run id. */
  void recordRun(PipelineRun run);

  /**
   * Writes the step attempt's row of {@code step_logs}, replacing the same (run, step, attempt).
   */
  void recordStep(StepLog step);

  /**
   * Replaces the run's rows of {@code dq_results} with {@code results}, all of one run, in one
   * step.
   */
  void recordDqResults(String runId, List<DqResult> results);

  /**
   * The tenant's {@code focus_costs} totals per (provider, billing account, billing period), sorted
   * by provider, period and account; empty for a tenant with nothing published.
   */
  List<SliceTotal> sliceTotals(String tenantId);

  /** The tenant's {@code pipeline_runs} rows, oldest start first (then by run id). */
  List<PipelineRun> pipelineRuns(String tenantId);

  /**
   * Brings the tenant's tables and the operations tables up to the catalogue by adding the columns
   * they lack (as nullable; existing rows read null there), creating what does not exist yet. Never
   * drops, renames or retypes a column: a table that would need that fails with {@code
   * SCHEMA_CONFLICT}.
   *
   * @return the columns added, as {@code dataset.table.column}, in catalogue order
   */
  List<String> migrate(String tenantId);
}
