package dev.convergence.adapters.embedded.warehouse;

import dev.convergence.core.quality.PeriodBounds;
import dev.convergence.core.staging.StagingLayout;
import dev.convergence.core.warehouse.StagedOutput;
import dev.convergence.core.warehouse.StagedRows;
import dev.convergence.core.warehouse.TableSchema;
import dev.convergence.core.warehouse.WarehouseTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Writes {@link StagedRows} as the processing job's Parquet part files under a local object-store
 * root, with the job's column names and Parquet types (DECIMAL(38, 18), UTC timestamps in
 * microseconds, {@code Tags} as JSON, {@code baseline_days} as INT32), every column the rows do not
 * set left null. FOCUS rows go to two part files, so a publish reads more than one.
 */
final class ParquetStager implements AutoCloseable {

  private final Path root;
  private final Connection duckdb;

  ParquetStager(Path root) throws SQLException {
    this.root = root;
    Properties properties = new Properties();
    properties.setProperty("autoinstall_known_extensions", "false");
    this.duckdb = DriverManager.getConnection("jdbc:duckdb:", properties);
    try (Statement statement = duckdb.createStatement()) {
      for (TableSchema table : WarehouseTables.TENANT_TABLES) {
        statement.execute(DuckDbTypes.createTable("main", table).replace(" NOT NULL", ""));
      }
    }
  }

  StagedOutput stage(StagedRows rows) throws Exception {
    String tenant = rows.focus().isEmpty() ? "nobody" : rows.focus().get(0).tenantId();
    StagingLayout layout = StagingLayout.of(tenant, rows.runId());
    List<String> focus = new ArrayList<>();
    for (int part = 0; part < 2; part++) {
      int which = part;
      List<StagedRows.Focus> lines =
          rows.focus().stream().filter(f -> f.sourceLine() % 2 == which).toList();
      if (!lines.isEmpty()) {
        for (StagedRows.Focus f : lines) {
          insertFocus(f);
        }
        focus.add(copy(WarehouseTables.FOCUS_COSTS, layout.focusOutputPrefix(), part));
      }
    }
    List<String> daily = new ArrayList<>();
    if (!rows.daily().isEmpty()) {
      for (StagedRows.Daily d : rows.daily()) {
        insert(
            "INSERT INTO main.daily_costs (x_tenant_id, x_run_id, charge_day,"
                + " billing_period_start, provider, billing_account_id, service_name,"
                + " billing_currency, billed_cost, effective_cost, list_cost, row_count)"
                + " VALUES (?, ?, ?::DATE, ?::TIMESTAMPTZ, ?, ?, ?, 'USD', ?, ?, ?, ?)",
            d.tenantId(),
            d.runId(),
            d.chargeDay().toString(),
            PeriodBounds.of(d.provider(), d.period()).start().toString(),
            d.provider().wireName(),
            d.billingAccountId(),
            d.serviceName(),
            d.billedCost(),
            d.billedCost(),
            d.billedCost(),
            d.rowCount());
      }
      daily.add(copy(WarehouseTables.DAILY_COSTS, layout.dailyOutputPrefix(), 0));
    }
    List<String> anomalies = new ArrayList<>();
    if (!rows.anomalies().isEmpty()) {
      for (StagedRows.Anomaly a : rows.anomalies()) {
        insert(
            "INSERT INTO main.cost_anomalies (x_tenant_id, x_run_id, provider,"
                + " billing_account_id, billing_period_start, service_name, billing_currency,"
                + " charge_day, effective_cost, baseline_median, expected_low, expected_high,"
                + " score, baseline_days, severity) VALUES (?, ?, ?, ?, ?::TIMESTAMPTZ, ?, 'USD',"
                + " ?::DATE, ?, 1.5, 1, 2, 9.75, 28, ?)",
            a.tenantId(),
            a.runId(),
            a.provider().wireName(),
            a.billingAccountId(),
            PeriodBounds.of(a.provider(), a.period()).start().toString(),
            a.serviceName(),
            a.chargeDay().toString(),
            a.effectiveCost(),
            a.severity());
      }
      anomalies.add(copy(WarehouseTables.COST_ANOMALIES, layout.anomaliesOutputPrefix(), 0));
    }
    return new StagedOutput(focus, daily, anomalies);
  }

  private void insertFocus(StagedRows.Focus f) throws SQLException {
    String chargeStart = f.chargeDay().atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    String chargeEnd =
        f.chargeDay().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    insert(
        "INSERT INTO main.focus_costs (BilledCost, BillingAccountId, BillingCurrency,"
            + " BillingPeriodEnd, BillingPeriodStart, ChargeCategory, ChargePeriodEnd,"
            + " ChargePeriodStart, EffectiveCost, ListCost, ServiceName, Tags, x_tenant_id,"
            + " x_run_id, x_provider, x_source_file, x_source_line) VALUES (?, ?, 'USD',"
            + " ?::TIMESTAMPTZ, ?::TIMESTAMPTZ, 'Usage', ?::TIMESTAMPTZ, ?::TIMESTAMPTZ, ?, ?, ?,"
            + " '{\"team\":\"core\"}', ?, ?, ?, 'landing/source.csv', ?)",
        f.billedCost(),
        f.billingAccountId(),
        PeriodBounds.of(f.provider(), f.period()).end().toString(),
        PeriodBounds.of(f.provider(), f.period()).start().toString(),
        chargeEnd,
        chargeStart,
        f.billedCost(),
        f.billedCost(),
        f.serviceName(),
        f.tenantId(),
        f.runId(),
        f.provider().wireName(),
        f.sourceLine());
  }

  private void insert(String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = duckdb.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }

  /** Copies the table's rows to one part file and empties it; returns the file's key. */
  private String copy(TableSchema table, String prefix, int part) throws Exception {
    String key = prefix + "part-" + part + ".parquet";
    Path file = root.resolve(key);
    Files.createDirectories(file.getParent());
    String columns =
        table.columns().stream()
            .map(
                c ->
                    switch (c.name()) {
                      case "Tags" -> "Tags::JSON AS Tags";
                      case "baseline_days" -> "baseline_days::INTEGER AS baseline_days";
                      default -> DuckDbTypes.quote(c.name());
                    })
            .collect(Collectors.joining(", "));
    try (Statement statement = duckdb.createStatement()) {
      statement.execute(
          "COPY (SELECT "
              + columns
              + " FROM main."
              + table.name()
              + ") TO "
              + DuckDbTypes.literal(file.toString())
              + " (FORMAT parquet)");
      statement.execute("DELETE FROM main." + table.name());
    }
    return key;
  }

  @Override
  public void close() throws SQLException {
    duckdb.close();
  }
}
