package dev.convergence.cli.report;

import dev.convergence.adapters.embedded.warehouse.DuckDbWarehouse;
import dev.convergence.core.ledger.RunId;
import dev.convergence.core.ledger.RunState;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.quality.PeriodBounds;
import dev.convergence.core.quality.Severity;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.staging.StagingLayout;
import dev.convergence.core.warehouse.Column;
import dev.convergence.core.warehouse.DqOutcome;
import dev.convergence.core.warehouse.DqResult;
import dev.convergence.core.warehouse.PipelineRun;
import dev.convergence.core.warehouse.Publication;
import dev.convergence.core.warehouse.StagedOutput;
import dev.convergence.core.warehouse.StepLog;
import dev.convergence.core.warehouse.StepState;
import dev.convergence.core.warehouse.TableSchema;
import dev.convergence.core.warehouse.WarehouseTables;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A real DuckDB warehouse file with two tenants' published costs and their runs, built the way the
 * pipeline builds it: staged Parquet (written by DuckDB's {@code COPY ... (FORMAT parquet)}) is
 * published through {@link DuckDbWarehouse}, and runs, steps and data-quality results are recorded
 * through it. Every amount is chosen so the totals can be added up by hand:
 *
 * <ul>
 *   <li>{@code acme_corp} (USD, AWS, 2026-10, October 1 to 10): Amazon EC2 BilledCost 100.10 a day
 *       (400.40 on the 9th), EffectiveCost 10.00 less; Amazon S3 20.25 a day; a hostile service
 *       name 1.005 a day, unallocated; AWS Support 3.00 + 0.50 a day shared proportionally. Totals:
 *       BilledCost 1,548.85, EffectiveCost 1,448.85. Two anomalies. One run succeeded, one (of
 *       2026-09) failed at the check step.
 *   <li>{@code tokyo_labs} (EUR, Google Cloud, 2026-10, October 1 to 5): Compute Engine 50.00
 *       billed / 45.00 effective a day, BigQuery 12.34 a day. Totals: BilledCost 311.70,
 *       EffectiveCost 286.70. One run succeeded, one is still publishing.
 * </ul>
 */
final class WarehouseFixture {

  static final String ACME = "acme_corp";
  static final String TOKYO = "tokyo_labs";
  static final String IDLE = "idle_co";
  static final String ACME_NAME = "Acme & Sons <Zürich>";
  static final String TOKYO_NAME = "東京 Labs";
  static final String HOSTILE_SERVICE = "<script>alert('x')</script> & \"Co\"";
  static final String AWS_ACCOUNT = "111111111111";
  static final String AWS_SUB = "222222222222";
  static final String AWS_SUB_2 = "333333333333";
  static final String GCP_ACCOUNT = "01A2B3-C4D5E6-F7A8B9";
  static final String GCP_PROJECT = "tokyo-research";

  static final BillingPeriod OCTOBER = BillingPeriod.of(2026, 10);
  static final BillingPeriod SEPTEMBER = BillingPeriod.of(2026, 9);
  static final Instant T0 = Instant.parse("2026-11-02T06:00:00Z");
  static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

  static final String ACME_OK = RunId.derive(ACME, "aws-cur", OCTOBER, "sched:1");
  static final String ACME_FAILED = RunId.derive(ACME, "aws-cur", SEPTEMBER, "manual:7");
  static final String TOKYO_OK = RunId.derive(TOKYO, "gcp-billing", OCTOBER, "sched:1");
  static final String TOKYO_RUNNING = RunId.derive(TOKYO, "gcp-billing", OCTOBER, "sched:2");

  static final Map<String, String> DISPLAY_NAMES =
      Map.of(ACME, ACME_NAME, TOKYO, TOKYO_NAME, IDLE, "Idle Co");

  private WarehouseFixture() {}

  /** Builds the warehouse under {@code directory} and returns its DuckDB file, closed. */
  static Path build(Path directory) throws Exception {
    Path file = directory.resolve("warehouse.duckdb");
    Path store = directory.resolve("store");
    try (DuckDbWarehouse warehouse = new DuckDbWarehouse(file, store);
        Connection staging = stagingDatabase()) {
      warehouse.publish(
          new Publication(
              ACME, ACME_OK, Provider.AWS, OCTOBER, stage(staging, store, ACME, ACME_OK, acme())));
      warehouse.publish(
          new Publication(
              TOKYO,
              TOKYO_OK,
              Provider.GCP,
              OCTOBER,
              stage(staging, store, TOKYO, TOKYO_OK, tokyo())));
      recordRuns(warehouse);
    }
    return file;
  }

  /** Rows of each staged table, as column → value maps. */
  record Rows(
      List<Map<String, Object>> focus,
      List<Map<String, Object>> daily,
      List<Map<String, Object>> anomalies) {}

  private static Rows acme() {
    List<Map<String, Object>> daily = new ArrayList<>();
    for (int d = 1; d <= 10; d++) {
      LocalDate day = LocalDate.of(2026, 10, d);
      String ec2 = d == 9 ? "400.40" : "100.10";
      String ec2Effective = d == 9 ? "390.40" : "90.10";
      daily.add(
          daily(
              ACME,
              ACME_OK,
              "aws",
              AWS_ACCOUNT,
              day,
              AWS_SUB,
              "Amazon EC2",
              "USD",
              "platform",
              "rule",
              ec2,
              ec2Effective));
      daily.add(
          daily(
              ACME,
              ACME_OK,
              "aws",
              AWS_ACCOUNT,
              day,
              AWS_SUB,
              "Amazon S3",
              "USD",
              "data",
              "rule",
              "20.25",
              "20.25"));
      daily.add(
          daily(
              ACME,
              ACME_OK,
              "aws",
              AWS_ACCOUNT,
              day,
              AWS_SUB_2,
              HOSTILE_SERVICE,
              "USD",
              null,
              "unallocated",
              "1.005",
              "1.005"));
      daily.add(
          daily(
              ACME,
              ACME_OK,
              "aws",
              AWS_ACCOUNT,
              day,
              AWS_SUB,
              "AWS Support",
              "USD",
              "platform",
              "proportional",
              "3.00",
              "3.00"));
      daily.add(
          daily(
              ACME,
              ACME_OK,
              "aws",
              AWS_ACCOUNT,
              day,
              AWS_SUB,
              "AWS Support",
              "USD",
              "data",
              "proportional",
              "0.50",
              "0.50"));
    }
    List<Map<String, Object>> anomalies =
        List.of(
            anomaly(
                ACME,
                ACME_OK,
                "aws",
                AWS_ACCOUNT,
                AWS_SUB,
                "Amazon EC2",
                "USD",
                LocalDate.of(2026, 10, 9),
                "390.40",
                "90.10",
                "80.00",
                "100.20",
                "26.5432",
                "high"),
            anomaly(
                ACME,
                ACME_OK,
                "aws",
                AWS_ACCOUNT,
                AWS_SUB_2,
                HOSTILE_SERVICE,
                "USD",
                LocalDate.of(2026, 10, 10),
                "1.005",
                "0.50",
                "0.40",
                "0.60",
                "3.2000",
                "low"));
    return new Rows(List.of(focus(ACME, ACME_OK, "aws", AWS_ACCOUNT, "USD")), daily, anomalies);
  }

  private static Rows tokyo() {
    List<Map<String, Object>> daily = new ArrayList<>();
    for (int d = 1; d <= 5; d++) {
      LocalDate day = LocalDate.of(2026, 10, d);
      daily.add(
          daily(
              TOKYO,
              TOKYO_OK,
              "gcp",
              GCP_ACCOUNT,
              day,
              GCP_PROJECT,
              "Compute Engine",
              "EUR",
              "research",
              "rule",
              "50.00",
              "45.00"));
      daily.add(
          daily(
              TOKYO,
              TOKYO_OK,
              "gcp",
              GCP_ACCOUNT,
              day,
              GCP_PROJECT,
              "BigQuery",
              "EUR",
              "research",
              "rule",
              "12.34",
              "12.34"));
    }
    return new Rows(List.of(focus(TOKYO, TOKYO_OK, "gcp", GCP_ACCOUNT, "EUR")), daily, List.of());
  }

  private static void recordRuns(DuckDbWarehouse warehouse) {
    warehouse.recordRun(
        new PipelineRun(
            ACME_OK,
            ACME,
            Provider.AWS,
            "aws-cur",
            OCTOBER,
            RunState.SUCCEEDED,
            T0,
            T0.plusSeconds(95),
            1234L,
            new BigDecimal("1548.85"),
            2L,
            DqOutcome.WARNINGS,
            2L,
            null,
            null));
    steps(
        warehouse,
        ACME_OK,
        T0,
        List.of("admit", "ingest", "process", "check", "publish", "finalize"),
        new int[] {2, 8, 60, 10, 12, 3},
        null);
    warehouse.recordDqResults(
        ACME_OK,
        List.of(
            dq(
                ACME_OK,
                ACME,
                "totals_reconcile",
                Severity.CRITICAL,
                true,
                "1548.85",
                "1548.85",
                "BilledCost matches the source to the cent"),
            dq(
                ACME_OK,
                ACME,
                "tags_present",
                Severity.WARNING,
                false,
                "2.1% untagged",
                "≤ 1% untagged",
                "untagged cost above the limit: <b>ask</b> the teams to tag")));

    Instant t1 = T0.minusSeconds(86_400);
    warehouse.recordRun(
        new PipelineRun(
            ACME_FAILED,
            ACME,
            Provider.AWS,
            "aws-cur",
            SEPTEMBER,
            RunState.FAILED,
            t1,
            t1.plusSeconds(40),
            310L,
            null,
            0L,
            DqOutcome.FAILED,
            null,
            "check",
            "critical rule row_count_matches failed: 310 rows, source has 312"));
    steps(
        warehouse,
        ACME_FAILED,
        t1,
        List.of("admit", "ingest", "process", "check", "finalize"),
        new int[] {1, 5, 25, 4, 2},
        "check");
    warehouse.recordDqResults(
        ACME_FAILED,
        List.of(
            dq(
                ACME_FAILED,
                ACME,
                "row_count_matches",
                Severity.CRITICAL,
                false,
                "310",
                "312",
                "2 source rows are missing from the staged output")));

    Instant t2 = T0.plusSeconds(600);
    warehouse.recordRun(
        new PipelineRun(
            TOKYO_OK,
            TOKYO,
            Provider.GCP,
            "gcp-billing",
            OCTOBER,
            RunState.SUCCEEDED,
            t2,
            t2.plusSeconds(48),
            10L,
            new BigDecimal("311.70"),
            0L,
            DqOutcome.PASSED,
            0L,
            null,
            null));
    steps(
        warehouse,
        TOKYO_OK,
        t2,
        List.of("admit", "ingest", "process", "check", "publish", "finalize"),
        new int[] {1, 4, 30, 5, 6, 2},
        null);
    warehouse.recordDqResults(
        TOKYO_OK,
        List.of(
            dq(
                TOKYO_OK,
                TOKYO,
                "totals_reconcile",
                Severity.CRITICAL,
                true,
                "311.70",
                "311.70",
                "BilledCost matches the source to the cent")));

    Instant t3 = NOW.minusSeconds(30);
    warehouse.recordRun(
        PipelineRun.started(TOKYO_RUNNING, TOKYO, Provider.GCP, "gcp-billing", OCTOBER, t3));
    warehouse.recordStep(
        new StepLog(TOKYO_RUNNING, "admit", 1, StepState.SUCCEEDED, t3, t3.plusSeconds(1), null));
    // The ingest step failed once and succeeded on its retry.
    warehouse.recordStep(
        new StepLog(
            TOKYO_RUNNING,
            "ingest",
            1,
            StepState.FAILED,
            t3.plusSeconds(1),
            t3.plusSeconds(4),
            "storage timeout"));
    warehouse.recordStep(
        new StepLog(
            TOKYO_RUNNING,
            "ingest",
            2,
            StepState.SUCCEEDED,
            t3.plusSeconds(6),
            t3.plusSeconds(10),
            null));
    warehouse.recordStep(
        new StepLog(
            TOKYO_RUNNING, "process", 1, StepState.RUNNING, t3.plusSeconds(10), null, null));
  }

  private static void steps(
      DuckDbWarehouse warehouse,
      String runId,
      Instant start,
      List<String> names,
      int[] seconds,
      String failing) {
    Instant at = start;
    for (int i = 0; i < names.size(); i++) {
      Instant end = at.plusSeconds(seconds[i]);
      boolean failed = names.get(i).equals(failing);
      warehouse.recordStep(
          new StepLog(
              runId,
              names.get(i),
              1,
              failed ? StepState.FAILED : StepState.SUCCEEDED,
              at,
              end,
              failed ? "critical data-quality rule failed" : null));
      at = end;
    }
  }

  private static DqResult dq(
      String runId,
      String tenant,
      String rule,
      Severity severity,
      boolean passed,
      String observed,
      String expected,
      String message) {
    return new DqResult(runId, tenant, rule, severity, passed, observed, expected, message, T0);
  }

  private static Map<String, Object> focus(
      String tenant, String run, String provider, String account, String currency) {
    return Map.of(
        "x_tenant_id",
        tenant,
        "x_run_id",
        run,
        "x_provider",
        provider,
        "x_source_file",
        "landing/" + tenant + "/export.csv",
        "x_source_line",
        2L,
        "BillingAccountId",
        account,
        "BillingCurrency",
        currency,
        "BillingPeriodStart",
        periodStart(provider).toString(),
        "BillingPeriodEnd",
        PeriodBounds.of(Provider.fromWireName(provider), OCTOBER).end().toString(),
        "BilledCost",
        new BigDecimal("1.00"));
  }

  private static Map<String, Object> daily(
      String tenant,
      String run,
      String provider,
      String account,
      LocalDate day,
      String sub,
      String service,
      String currency,
      String centre,
      String allocation,
      String billed,
      String effective) {
    Map<String, Object> row = new java.util.HashMap<>();
    row.put("x_tenant_id", tenant);
    row.put("x_run_id", run);
    row.put("charge_day", day.toString());
    row.put("billing_period_start", periodStart(provider).toString());
    row.put("provider", provider);
    row.put("billing_account_id", account);
    row.put("sub_account_id", sub);
    row.put("service_name", service);
    row.put("region_id", "eu-west-1");
    row.put("charge_category", "Usage");
    row.put("billing_currency", currency);
    row.put("cost_centre", centre);
    row.put("allocation", allocation);
    row.put("billed_cost", new BigDecimal(billed));
    row.put("effective_cost", new BigDecimal(effective));
    row.put("list_cost", new BigDecimal(billed));
    row.put("row_count", 3L);
    return row;
  }

  private static Map<String, Object> anomaly(
      String tenant,
      String run,
      String provider,
      String account,
      String sub,
      String service,
      String currency,
      LocalDate day,
      String cost,
      String median,
      String low,
      String high,
      String score,
      String severity) {
    Map<String, Object> row = new java.util.HashMap<>();
    row.put("x_tenant_id", tenant);
    row.put("x_run_id", run);
    row.put("provider", provider);
    row.put("billing_account_id", account);
    row.put("billing_period_start", periodStart(provider).toString());
    row.put("sub_account_id", sub);
    row.put("service_name", service);
    row.put("billing_currency", currency);
    row.put("charge_day", day.toString());
    row.put("effective_cost", new BigDecimal(cost));
    row.put("baseline_median", new BigDecimal(median));
    row.put("expected_low", new BigDecimal(low));
    row.put("expected_high", new BigDecimal(high));
    row.put("score", new BigDecimal(score));
    row.put("baseline_days", 28L);
    row.put("severity", severity);
    return row;
  }

  private static Connection stagingDatabase() throws Exception {
    Properties properties = new Properties();
    properties.setProperty("autoinstall_known_extensions", "false");
    return DriverManager.getConnection("jdbc:duckdb:", properties);
  }

  /** Writes each table's rows as one Parquet part file under the run's staging prefixes. */
  private static StagedOutput stage(
      Connection duckdb, Path store, String tenant, String runId, Rows rows) throws Exception {
    StagingLayout layout = StagingLayout.of(tenant, runId);
    return new StagedOutput(
        parquet(
            duckdb, store, WarehouseTables.FOCUS_COSTS, rows.focus(), layout.focusOutputPrefix()),
        parquet(
            duckdb, store, WarehouseTables.DAILY_COSTS, rows.daily(), layout.dailyOutputPrefix()),
        parquet(
            duckdb,
            store,
            WarehouseTables.COST_ANOMALIES,
            rows.anomalies(),
            layout.anomaliesOutputPrefix()));
  }

  private static List<String> parquet(
      Connection duckdb,
      Path store,
      TableSchema table,
      List<Map<String, Object>> rows,
      String prefix)
      throws Exception {
    if (rows.isEmpty()) {
      return List.of();
    }
    try (Statement statement = duckdb.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS staged");
      statement.execute(
          "CREATE TABLE staged ("
              + table.columns().stream()
                  .map(c -> quote(c.name()) + " " + sqlType(c))
                  .collect(Collectors.joining(", "))
              + ")");
    }
    String insert =
        "INSERT INTO staged VALUES ("
            + table.columns().stream()
                .map(c -> "?::" + sqlType(c))
                .collect(Collectors.joining(", "))
            + ")";
    try (PreparedStatement statement = duckdb.prepareStatement(insert)) {
      for (Map<String, Object> row : rows) {
        for (int i = 0; i < table.columns().size(); i++) {
          Object value = row.get(table.columns().get(i).name());
          if (value == null) {
            statement.setNull(i + 1, java.sql.Types.VARCHAR);
          } else {
            statement.setObject(
                i + 1, value instanceof BigDecimal d ? d.toPlainString() : value.toString());
          }
        }
        statement.executeUpdate();
      }
    }
    String key = prefix + "part-0.parquet";
    Path file = store.resolve(key);
    Files.createDirectories(file.getParent());
    try (Statement statement = duckdb.createStatement()) {
      statement.execute(
          "COPY staged TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
    }
    return List.of(key);
  }

  private static String quote(String identifier) {
    return '"' + identifier + '"';
  }

  private static String sqlType(Column column) {
    return switch (column.type()) {
      case STRING -> "VARCHAR";
      case INT64 -> "BIGINT";
      case DECIMAL -> "DECIMAL(38,18)";
      case TIMESTAMP -> "TIMESTAMPTZ";
      case DATE -> "DATE";
      case BOOL -> "BOOLEAN";
    };
  }

  /** October's start as the provider's rows carry it (Pacific midnight for Google Cloud). */
  private static java.time.Instant periodStart(String provider) {
    return PeriodBounds.of(Provider.fromWireName(provider), OCTOBER).start();
  }
}
