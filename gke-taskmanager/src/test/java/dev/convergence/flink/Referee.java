package dev.convergence.flink;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * DuckDB, in memory and offline, as the independent referee: reads the job's committed Parquet and
 * the source files themselves. Views {@code focus}, {@code rejects} and {@code daily} name the
 * committed output of one run, {@code anomalies} its anomalies. Dates are taken in UTC.
 */
final class Referee implements AutoCloseable {

  private final Connection db;

  Referee() throws SQLException {
    Properties props = new Properties();
    props.setProperty("autoinstall_known_extensions", "false");
    props.setProperty("autoload_known_extensions", "true");
    db = DriverManager.getConnection("jdbc:duckdb:", props);
    execute("SET TimeZone = 'UTC'");
  }

  /** Declares the views over one run's committed output, prefixed ({@code a_focus}, …). */
  Referee output(String name, Path prefix) throws SQLException {
    execute(
        "CREATE OR REPLACE VIEW "
            + name
            + "focus AS SELECT * FROM read_parquet('"
            + prefix.resolve("focus")
            + "/*.parquet')");
    execute(
        "CREATE OR REPLACE VIEW "
            + name
            + "daily AS SELECT * FROM read_parquet('"
            + prefix.resolve("daily")
            + "/*.parquet')");
    execute(
        "CREATE OR REPLACE VIEW "
            + name
            + "anomalies AS "
            + (hasParquet(prefix.resolve("anomalies"))
                ? "SELECT * FROM read_parquet('" + prefix.resolve("anomalies") + "/*.parquet')"
                : "SELECT NULL::VARCHAR AS sub_account_id, NULL::VARCHAR AS service_name,"
                    + " NULL::DATE AS charge_day, NULL::VARCHAR AS severity WHERE false"));
    Path rejects = prefix.resolve("rejects");
    boolean any = hasParquet(rejects);
    execute(
        "CREATE OR REPLACE VIEW "
            + name
            + "rejects AS "
            + (any
                ? "SELECT * FROM read_parquet('" + rejects + "/*.parquet')"
                : "SELECT NULL::VARCHAR AS x_provider, NULL::VARCHAR AS x_source_file,"
                    + " NULL::VARCHAR AS x_snapshot_id, NULL::VARCHAR AS reason,"
                    + " NULL::DECIMAL(38, 18) AS raw_cost WHERE false"));
    return this;
  }

  /**
   * The daily aggregates computed independently from a run's committed FOCUS rows, in the daily
   * output's columns: a plain GROUP BY, every group unallocated (no allocation rules).
   */
  static String dailyFromFocus(String name) {
    return "SELECT x_tenant_id, x_run_id, CAST(ChargePeriodStart AS DATE) AS charge_day,"
        + " BillingPeriodStart AS billing_period_start,"
        + " x_provider AS provider, BillingAccountId AS billing_account_id,"
        + " SubAccountId AS sub_account_id, ServiceName AS service_name, RegionId AS region_id,"
        + " ChargeCategory AS charge_category,"
        + " BillingCurrency AS billing_currency, NULL::VARCHAR AS cost_centre,"
        + " 'unallocated' AS allocation,"
        + " sum(BilledCost) AS billed_cost, sum(EffectiveCost) AS effective_cost,"
        + " sum(ListCost) AS list_cost, count(*) AS row_count FROM "
        + name
        + "focus GROUP BY ALL";
  }

  private static boolean hasParquet(Path dir) {
    try (var files = java.nio.file.Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Rows of {@code a} that {@code b} lacks, counting duplicates (EXCEPT ALL). */
  long missing(String a, String b) throws SQLException {
    return count("SELECT count(*) FROM (" + a + " EXCEPT ALL " + b + ")");
  }

  Connection connection() {
    return db;
  }

  void execute(String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  long count(String sql) throws SQLException {
    return ((Number) single(sql)).longValue();
  }

  BigDecimal decimal(String sql) throws SQLException {
    Object v = single(sql);
    return v == null ? BigDecimal.ZERO : new BigDecimal(v.toString());
  }

  Object single(String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new SQLException("no row: " + sql);
      }
      return rs.getObject(1);
    }
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
