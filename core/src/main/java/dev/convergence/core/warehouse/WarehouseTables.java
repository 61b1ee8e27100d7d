package dev.convergence.core.warehouse;

import static dev.convergence.core.warehouse.Column.nullable;
import static dev.convergence.core.warehouse.Column.required;
import static dev.convergence.core.warehouse.ColumnType.BOOL;
import static dev.convergence.core.warehouse.ColumnType.DATE;
import static dev.convergence.core.warehouse.ColumnType.DECIMAL;
import static dev.convergence.core.warehouse.ColumnType.INT64;
import static dev.convergence.core.warehouse.ColumnType.STRING;
import static dev.convergence.core.warehouse.ColumnType.TIMESTAMP;

import dev.convergence.core.focus.FocusSpec;
import dev.convergence.core.tenant.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The schema catalogue: every warehouse table, column by column, in one place, so the BigQuery and
 * DuckDB adapters create the same tables and a schema change is one reviewed edit here followed by
 * an explicit, additive {@link Warehouse#migrate migration}.
 *
 * <p>The tenant tables take the staged Parquet's column names and types as the processing job
 * writes them: {@code focus_costs} the 57 FOCUS 1.2 columns exactly as the specification names them
 * (amounts DECIMAL, instants TIMESTAMP, {@code Tags} as JSON text) followed by the {@code x_}
 * columns; {@code daily_costs} and {@code cost_anomalies} the aggregates' snake_case columns.
 */
public final class WarehouseTables {

  /** The operations dataset (BigQuery) or schema (DuckDB): runs, steps, data-quality results. */
  public static final String OPS_DATASET = "convergence_ops";

  private static final Set<String> FOCUS_DECIMALS =
      Set.of(
          "BilledCost",
          "ContractedCost",
          "EffectiveCost",
          "ListCost",
          "PricingQuantity",
          "CommitmentDiscountQuantity",
          "ConsumedQuantity",
          "ContractedUnitPrice",
          "ListUnitPrice",
          "PricingCurrencyContractedUnitPrice",
          "PricingCurrencyEffectiveCost",
          "PricingCurrencyListUnitPrice");

  private static final Set<String> FOCUS_TIMESTAMPS =
      Set.of("BillingPeriodEnd", "BillingPeriodStart", "ChargePeriodEnd", "ChargePeriodStart");

  /** FOCUS rows, one per charge; partitioned by charge day, clustered by provider and account. */
  public static final TableSchema FOCUS_COSTS =
      new TableSchema(
          "focus_costs",
          focusColumns(),
          "ChargePeriodStart",
          List.of("x_provider", "BillingAccountId"),
          new SliceColumns("x_provider", "BillingAccountId", "BillingPeriodStart"));

  /**
   * Daily aggregates: charge day × provider × account × sub-account × service × region × charge
   * category × currency × cost centre; {@code allocation} says how the cost reached its centre.
   */
  public static final TableSchema DAILY_COSTS =
      new TableSchema(
          "daily_costs",
          List.of(
              nullable("x_tenant_id", STRING),
              nullable("x_run_id", STRING),
              required("charge_day", DATE),
              nullable("billing_period_start", TIMESTAMP),
              required("provider", STRING),
              nullable("billing_account_id", STRING),
              nullable("sub_account_id", STRING),
              nullable("service_name", STRING),
              nullable("region_id", STRING),
              nullable("charge_category", STRING),
              nullable("billing_currency", STRING),
              nullable("cost_centre", STRING),
              nullable("allocation", STRING),
              nullable("billed_cost", DECIMAL),
              nullable("effective_cost", DECIMAL),
              nullable("list_cost", DECIMAL),
              required("row_count", INT64)),
          null,
          List.of(),
          new SliceColumns("provider", "billing_account_id", "billing_period_start"));

  /** Daily costs scored against their baseline, one row per anomalous day and group. */
  public static final TableSchema COST_ANOMALIES =
      new TableSchema(
          "cost_anomalies",
          List.of(
              nullable("x_tenant_id", STRING),
              nullable("x_run_id", STRING),
              nullable("provider", STRING),
              nullable("billing_account_id", STRING),
              nullable("billing_period_start", TIMESTAMP),
              nullable("sub_account_id", STRING),
              nullable("service_name", STRING),
              nullable("billing_currency", STRING),
              nullable("charge_day", DATE),
              nullable("effective_cost", DECIMAL),
              nullable("baseline_median", DECIMAL),
              nullable("expected_low", DECIMAL),
              nullable("expected_high", DECIMAL),
              nullable("score", DECIMAL),
              nullable("baseline_days", INT64),
              nullable("severity", STRING)),
          null,
          List.of(),
          new SliceColumns("provider", "billing_account_id", "billing_period_start"));

  /** One row per run, replaced as the run moves on. */
  public static final TableSchema PIPELINE_RUNS =
      new TableSchema(
          "pipeline_runs",
          List.of(
              required("run_id", STRING),
              required("tenant_id", STRING),
              required("provider", STRING),
              required("pipeline", STRING),
              required("billing_period", DATE),
              required("state", STRING),
              required("started_at", TIMESTAMP),
              nullable("finished_at", TIMESTAMP),
              nullable("focus_rows", INT64),
              nullable("billed_cost", DECIMAL),
              nullable("rejected_rows", INT64),
              nullable("dq_outcome", STRING),
              nullable("anomaly_count", INT64),
              nullable("error_step", STRING),
              nullable("error_message", STRING)),
          null,
          List.of(),
          null);

  /** One row per attempt at a step of a run. */
  public static final TableSchema STEP_LOGS =
      new TableSchema(
          "step_logs",
          List.of(
              required("run_id", STRING),
              required("step", STRING),
              required("attempt", INT64),
              required("state", STRING),
              required("started_at", TIMESTAMP),
              nullable("finished_at", TIMESTAMP),
              nullable("message", STRING)),
          null,
          List.of(),
          null);

  /** Every data-quality rule's result for a run. */
  public static final TableSchema DQ_RESULTS =
      new TableSchema(
          "dq_results",
          List.of(
              required("run_id", STRING),
              required("tenant_id", STRING),
              required("rule", STRING),
              required("severity", STRING),
              required("passed", BOOL),
              required("observed", STRING),
              required("expected", STRING),
              required("message", STRING),
              required("checked_at", TIMESTAMP)),
          null,
          List.of(),
          null);

  /** The tables of every tenant's dataset or schema, in creation order. */
  public static final List<TableSchema> TENANT_TABLES =
      List.of(FOCUS_COSTS, DAILY_COSTS, COST_ANOMALIES);

  /** The tables of {@link #OPS_DATASET}, in creation order. */
  public static final List<TableSchema> OPS_TABLES = List.of(PIPELINE_RUNS, STEP_LOGS, DQ_RESULTS);

  private WarehouseTables() {}

  /**
   * Checks that {@code tenantId} can name a tenant dataset or schema: a {@link Tenant#ID} that is
   * not the operations dataset's name.
   */
  public static String checkTenantId(String tenantId) {
    if (tenantId == null || !Tenant.ID.matcher(tenantId).matches()) {
      throw new IllegalArgumentException(
          "tenant_id: must be 3 to 50 lowercase letters, digits or '_'; got '" + tenantId + "'");
    }
    if (tenantId.equals(OPS_DATASET)) {
      throw new IllegalArgumentException(
          "tenant_id: '" + OPS_DATASET + "' names the operations dataset, not a tenant");
    }
    return tenantId;
  }

  private static List<Column> focusColumns() {
    List<Column> columns = new ArrayList<>();
    for (String name : FocusSpec.COLUMNS) {
      ColumnType type =
          FOCUS_DECIMALS.contains(name)
              ? DECIMAL
              : FOCUS_TIMESTAMPS.contains(name) ? TIMESTAMP : STRING;
      columns.add(nullable(name, type));
    }
    columns.add(required("x_tenant_id", STRING));
    columns.add(required("x_run_id", STRING));
    columns.add(required("x_provider", STRING));
    columns.add(required("x_source_file", STRING));
    columns.add(required("x_source_line", INT64));
    columns.add(nullable("x_snapshot_id", STRING));
    columns.add(nullable("x_row_identity", STRING));
    columns.add(nullable("x_source_row_id", STRING));
    columns.add(nullable("x_source_charge_type", STRING));
    columns.add(nullable("x_service_code", STRING));
    return List.copyOf(columns);
  }
}
