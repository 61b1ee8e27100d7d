package dev.convergence.cli.report;

import dev.convergence.core.ledger.RunState;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.quality.Severity;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.tenant.Tenant;
import dev.convergence.core.warehouse.DqOutcome;
import dev.convergence.core.warehouse.DqResult;
import dev.convergence.core.warehouse.PipelineRun;
import dev.convergence.core.warehouse.StepLog;
import dev.convergence.core.warehouse.StepState;
import dev.convergence.core.warehouse.WarehouseException;
import dev.convergence.core.warehouse.WarehouseException.Reason;
import dev.convergence.core.warehouse.WarehouseTables;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Reads {@link ReportData} from the embedded warehouse's DuckDB file with plain SQL, on a read-only
 * connection of its own: the report never changes the warehouse, and DuckDB refuses a write through
 * it even by mistake. The file's layout is {@code DuckDbWarehouse}'s: one schema per tenant with
 * the {@link WarehouseTables#TENANT_TABLES}, and {@value WarehouseTables#OPS_DATASET} with the
 * operations tables.
 *
 * <p>DuckDB lets one process hold a database file for writing, and a file open in this process
 * cannot be opened again with another mode: close the warehouse before reading its report.
 *
 * <p>Amounts are summed by DuckDB as DECIMAL(38, 18) and arrive as exact {@link BigDecimal}s;
 * nothing on the way to the report is a floating-point number.
 */
public final class DuckDbReportData {

  /**
   * The currency a cost with no BillingCurrency is shown in: ISO 4217's code for "no currency", so
   * such rows are never summed with another currency's.
   */
  static final String NO_CURRENCY = "XXX";

  private final Path databaseFile;

  /**
   * @param databaseFile the warehouse's DuckDB file; it must exist
   */
  public DuckDbReportData(Path databaseFile) {
    this.databaseFile = Objects.requireNonNull(databaseFile, "databaseFile");
  }

  /**
   * Reads the report of every tenant that has a schema or a run in the file, and of every tenant
   * {@code displayNames} names (one with nothing yet gets an empty section).
   *
   * @param displayNames tenant id → display name, from the tenants' configuration; a tenant missing
   *     here is shown by its id
   * @param generatedAt the report's time, which running steps are drawn up to
   * @throws WarehouseException ({@code STORAGE_FAILURE}) when the file is missing or unreadable
   */
  public ReportData read(Map<String, String> displayNames, Instant generatedAt) {
    if (!Files.isRegularFile(databaseFile)) {
      throw new WarehouseException(
          Reason.STORAGE_FAILURE, "no DuckDB warehouse file at " + databaseFile);
    }
    try (Connection connection = open()) {
      TreeSet<String> schemas = tenantSchemas(connection);
      boolean ops = hasOpsTables(connection);
      TreeSet<String> tenants = new TreeSet<>(schemas);
      if (ops) {
        tenants.addAll(runTenants(connection));
      }
      displayNames.keySet().stream().filter(DuckDbReportData::isTenantId).forEach(tenants::add);
      List<TenantReport> reports = new ArrayList<>();
      for (String tenant : tenants) {
        boolean hasTables = schemas.contains(tenant);
        reports.add(
            new TenantReport(
                tenant,
                displayNames.getOrDefault(tenant, tenant),
                hasTables ? dailyCosts(connection, tenant) : List.of(),
                hasTables ? costCentres(connection, tenant) : List.of(),
                hasTables ? anomalies(connection, tenant) : List.of(),
                ops ? runs(connection, tenant) : List.of()));
      }
      return new ReportData(generatedAt, reports);
    } catch (SQLException e) {
      throw new WarehouseException(
          Reason.STORAGE_FAILURE,
          "cannot read the report from " + databaseFile + ": " + e.getMessage(),
          e);
    }
  }

  private Connection open() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("duckdb.read_only", "true");
    properties.setProperty("autoinstall_known_extensions", "false");
    properties.setProperty("autoload_known_extensions", "false");
    return DriverManager.getConnection("jdbc:duckdb:" + databaseFile.toAbsolutePath(), properties);
  }

  private static boolean isTenantId(String id) {
    return Tenant.ID.matcher(id).matches() && !id.equals(WarehouseTables.OPS_DATASET);
  }

  /** Schemas holding every tenant table: the tenants the warehouse has published for. */
  private static TreeSet<String> tenantSchemas(Connection connection) throws SQLException {
    TreeSet<String> schemas = new TreeSet<>();
    String sql =
        "SELECT table_schema FROM information_schema.tables WHERE table_name IN (?, ?, ?)"
            + " GROUP BY table_schema HAVING count(DISTINCT table_name) = 3";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < 3; i++) {
        statement.setString(i + 1, WarehouseTables.TENANT_TABLES.get(i).name());
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          if (isTenantId(rows.getString(1))) {
            schemas.add(rows.getString(1));
          }
        }
      }
    }
    return schemas;
  }

  private static boolean hasOpsTables(Connection connection) throws SQLException {
    String sql =
        "SELECT count(DISTINCT table_name) FROM information_schema.tables"
            + " WHERE table_schema = ? AND table_name IN (?, ?, ?)";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, WarehouseTables.OPS_DATASET);
      for (int i = 0; i < 3; i++) {
        statement.setString(i + 2, WarehouseTables.OPS_TABLES.get(i).name());
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1) == 3;
      }
    }
  }

  private static List<String> runTenants(Connection connection) throws SQLException {
    List<String> tenants = new ArrayList<>();
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT DISTINCT tenant_id FROM " + ops("pipeline_runs") + " ORDER BY 1");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        if (isTenantId(rows.getString(1))) {
          tenants.add(rows.getString(1));
        }
      }
    }
    return tenants;
  }

  private static List<DailyCost> dailyCosts(Connection connection, String tenant)
      throws SQLException {
    String sql =
        "SELECT charge_day, provider, billing_account_id, sub_account_id, service_name,"
            + " coalesce(billing_currency, '"
            + NO_CURRENCY
            + "'), coalesce(sum(billed_cost), 0), coalesce(sum(effective_cost), 0) FROM "
            + table(tenant, "daily_costs")
            + " GROUP BY ALL ORDER BY 1, 2, 3 NULLS FIRST, 4 NULLS FIRST, 5 NULLS FIRST, 6";
    List<DailyCost> costs = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        costs.add(
            new DailyCost(
                rows.getObject(1, LocalDate.class),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                rows.getString(6),
                rows.getBigDecimal(7),
                rows.getBigDecimal(8)));
      }
    }
    return costs;
  }

  private static List<CostCentreCost> costCentres(Connection connection, String tenant)
      throws SQLException {
    String sql =
        "SELECT cost_centre, coalesce(allocation, 'unallocated'), coalesce(billing_currency, '"
            + NO_CURRENCY
            + "') AS currency, coalesce(sum(billed_cost), 0),"
            + " coalesce(sum(effective_cost), 0) AS effective FROM "
            + table(tenant, "daily_costs")
            + " GROUP BY ALL ORDER BY currency, effective DESC, cost_centre NULLS LAST, 2";
    List<CostCentreCost> costs = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        costs.add(
            new CostCentreCost(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getBigDecimal(4),
                rows.getBigDecimal(5)));
      }
    }
    return costs;
  }

  private static List<CostAnomaly> anomalies(Connection connection, String tenant)
      throws SQLException {
    String sql =
        "SELECT charge_day, coalesce(provider, ''), billing_account_id, sub_account_id,"
            + " service_name, coalesce(billing_currency, '"
            + NO_CURRENCY
            + "'), coalesce(effective_cost, 0), baseline_median, expected_low, expected_high,"
            + " score, coalesce(severity, 'low') FROM "
            + table(tenant, "cost_anomalies")
            + " WHERE charge_day IS NOT NULL ORDER BY charge_day, abs(score) DESC NULLS LAST,"
            + " service_name, sub_account_id";
    List<CostAnomaly> anomalies = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        anomalies.add(
            new CostAnomaly(
                rows.getObject(1, LocalDate.class),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                rows.getString(6),
                rows.getBigDecimal(7),
                rows.getBigDecimal(8),
                rows.getBigDecimal(9),
                rows.getBigDecimal(10),
                rows.getBigDecimal(11),
                rows.getString(12)));
      }
    }
    return anomalies;
  }

  private static List<RunReport> runs(Connection connection, String tenant) throws SQLException {
    Map<String, List<StepLog>> steps = steps(connection, tenant);
    Map<String, List<DqResult>> dq = dqResults(connection, tenant);
    String sql =
        "SELECT run_id, tenant_id, provider, pipeline, billing_period, state,"
            + " epoch_us(started_at), epoch_us(finished_at), focus_rows, billed_cost,"
            + " rejected_rows, dq_outcome, anomaly_count, error_step, error_message FROM "
            + ops("pipeline_runs")
            + " WHERE tenant_id = ? ORDER BY started_at, run_id";
    List<RunReport> runs = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, tenant);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String runId = rows.getString(1);
          String dqOutcome = rows.getString(12);
          PipelineRun run =
              new PipelineRun(
                  runId,
                  rows.getString(2),
                  Provider.fromWireName(rows.getString(3)),
                  rows.getString(4),
                  new BillingPeriod(YearMonth.from(rows.getObject(5, LocalDate.class))),
                  RunState.valueOf(rows.getString(6)),
                  instant(rows, 7),
                  instant(rows, 8),
                  optionalLong(rows, 9),
                  rows.getBigDecimal(10),
                  optionalLong(rows, 11),
                  dqOutcome == null ? null : DqOutcome.fromWireName(dqOutcome),
                  optionalLong(rows, 13),
                  rows.getString(14),
                  rows.getString(15));
          runs.add(
              new RunReport(
                  run, steps.getOrDefault(runId, List.of()), dq.getOrDefault(runId, List.of())));
        }
      }
    }
    return runs;
  }

  /** The step attempts of the tenant's runs, by run id; {@code step_logs} has no tenant column. */
  private static Map<String, List<StepLog>> steps(Connection connection, String tenant)
      throws SQLException {
    String sql =
        "SELECT s.run_id, s.step, s.attempt, s.state, epoch_us(s.started_at),"
            + " epoch_us(s.finished_at), s.message FROM "
            + ops("step_logs")
            + " s JOIN "
            + ops("pipeline_runs")
            + " r ON r.run_id = s.run_id WHERE r.tenant_id = ?"
            + " ORDER BY s.run_id, s.started_at, s.step, s.attempt";
    Map<String, List<StepLog>> steps = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, tenant);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          StepLog step =
              new StepLog(
                  rows.getString(1),
                  rows.getString(2),
                  Math.toIntExact(rows.getLong(3)),
                  StepState.fromWireName(rows.getString(4)),
                  instant(rows, 5),
                  instant(rows, 6),
                  rows.getString(7));
          steps.computeIfAbsent(step.runId(), id -> new ArrayList<>()).add(step);
        }
      }
    }
    return steps;
  }

  private static Map<String, List<DqResult>> dqResults(Connection connection, String tenant)
      throws SQLException {
    String sql =
        "SELECT run_id, tenant_id, rule, severity, passed, observed, expected, message,"
            + " epoch_us(checked_at) FROM "
            + ops("dq_results")
            + " WHERE tenant_id = ? ORDER BY run_id, passed, severity, rule";
    Map<String, List<DqResult>> results = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, tenant);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          DqResult result =
              new DqResult(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getString(3),
                  Severity.fromWireName(rows.getString(4)),
                  rows.getBoolean(5),
                  rows.getString(6),
                  rows.getString(7),
                  rows.getString(8),
                  instant(rows, 9));
          results.computeIfAbsent(result.runId(), id -> new ArrayList<>()).add(result);
        }
      }
    }
    return results;
  }

  private static String ops(String table) {
    return table(WarehouseTables.OPS_DATASET, table);
  }

  private static String table(String schema, String table) {
    // Both names are checked identifiers (a tenant id or a catalogue name): quoting is exact.
    return '"' + schema + "\".\"" + table + '"';
  }

  private static Instant instant(ResultSet rows, int index) throws SQLException {
    long micros = rows.getLong(index);
    return rows.wasNull() ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  private static Long optionalLong(ResultSet rows, int index) throws SQLException {
    long value = rows.getLong(index);
    return rows.wasNull() ? null : value;
  }
}
