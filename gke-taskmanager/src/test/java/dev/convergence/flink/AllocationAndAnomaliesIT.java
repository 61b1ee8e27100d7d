package dev.convergence.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.flink.args.InputFile;
import dev.convergence.flink.args.InputFormat;
import dev.convergence.focus.synth.GeneratorSettings;
import dev.convergence.focus.synth.PlantedSpike;
import dev.convergence.focus.synth.SyntheticBillingGenerator;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Allocation and anomaly scoring on a MiniCluster over seeded AWS data with planted spikes: a
 * September run gives the history that an October run's early days are scored against. Both months
 * come from one seed with the same line items a day (1,290), so the same resources run through
 * both, as they would in a real account.
 */
class AllocationAndAnomaliesIT {

  /** Spike on day 4 (only history can score it) and day 22, both sub-account 1's EC2. */
  static final List<PlantedSpike> SPIKES =
      List.of(
          new PlantedSpike(LocalDate.of(2026, 10, 4), 1, "AmazonEC2", new BigDecimal("6")),
          new PlantedSpike(LocalDate.of(2026, 10, 22), 1, "AmazonEC2", new BigDecimal("6")));

  static final String RULES =
      """
      {"allocation": {"rules": [
          {"cost_centre": "payments", "tag_key": "team",
           "tag_values": ["payments", "Zürich, payments"]},
          {"cost_centre": "data", "tag_key": "team", "tag_values": ["data \\"lake\\""]},
          {"cost_centre": "vision", "tag_key": "team", "tag_values": ["ml/vision"]}],
        "shared_charge_categories": ["Tax"]}}
      """;

  /** The referee's view of the rules: each FOCUS row's direct cost centre. */
  static final String DIRECT_CENTRE =
      "CASE WHEN ChargeCategory = 'Tax' THEN NULL"
          + " WHEN json_extract_string(Tags, '$.team') IN ('payments', 'Zürich, payments')"
          + " THEN 'payments'"
          + " WHEN json_extract_string(Tags, '$.team') = 'data \"lake\"' THEN 'data'"
          + " WHEN json_extract_string(Tags, '$.team') = 'ml/vision' THEN 'vision' END";

  @TempDir static Path dir;
  static Path september;
  static Path october;
  static Path octoberWithoutHistory;

  @BeforeAll
  static void runSeptemberThenOctober() throws Exception {
    Path rules = dir.resolve("rules.json");
    Files.writeString(rules, RULES);
    september = dir.resolve("out-2026-09");
    FocusRuns.run(
        FocusRuns.arguments(
            aws(
                new GeneratorSettings(
                    Provider.AWS, BillingPeriod.of(2026, 9), 38_710, 22, 1, 2, dir.resolve("sep"))),
            september,
            "heap",
            "streaming",
            List.of("--rules", rules.toString())),
        0,
        null);
    GeneratorSettings octoberData =
        new GeneratorSettings(
                Provider.AWS, BillingPeriod.of(2026, 10), 40_000, 22, 1, 2, dir.resolve("oct"))
            .withSpikes(SPIKES);
    october = dir.resolve("out-2026-10");
    FocusRuns.run(
        FocusRuns.arguments(
            aws(octoberData),
            october,
            "rocksdb",
            "streaming",
            List.of(
                "--rules", rules.toString(), "--history", september.resolve("daily").toString())),
        0,
        null);
    octoberWithoutHistory = dir.resolve("out-2026-10-alone");
    FocusRuns.run(
        FocusRuns.arguments(
            aws(octoberData),
            octoberWithoutHistory,
            "heap",
            "batch",
            List.of("--rules", rules.toString())),
        0,
        null);
  }

  private static List<InputFile> aws(GeneratorSettings settings) throws Exception {
    List<InputFile> inputs = new ArrayList<>();
    for (Path file : SyntheticBillingGenerator.generate(settings)) {
      inputs.add(InputFile.snapshot(InputFormat.AWS_CUR, "2026-11-02T06:00:00Z", file.toString()));
    }
    return inputs;
  }

  @Test
  void allocatedGroupsAddUpExactlyToTheUnallocatedAggregation() throws Exception {
    try (Referee db = new Referee().output("", october)) {
      String dims =
          "x_tenant_id, x_run_id, charge_day, billing_period_start, provider, billing_account_id,"
              + " sub_account_id, service_name, region_id, charge_category, billing_currency";
      String allocatedBack =
          "SELECT "
              + dims
              + ", sum(billed_cost) AS billed_cost, sum(effective_cost) AS effective_cost,"
              + " sum(list_cost) AS list_cost, sum(row_count) AS row_count FROM daily GROUP BY ALL";
      String referee =
          "SELECT "
              + dims
              + ", billed_cost, effective_cost, list_cost, row_count FROM ("
              + Referee.dailyFromFocus("")
              + ")";
      assertThat(db.count("SELECT count(*) FROM (" + referee + ")")).isPositive();
      assertThat(db.missing(allocatedBack, referee)).isZero();
      assertThat(db.missing(referee, allocatedBack)).isZero();
      for (String cost : List.of("BilledCost", "EffectiveCost", "ListCost")) {
        String column = cost.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
        assertThat(db.decimal("SELECT sum(" + column + ") FROM daily"))
            .isEqualByComparingTo(db.decimal("SELECT sum(" + cost + ") FROM focus"));
      }
      assertThat(db.count("SELECT count(*) FROM daily WHERE allocation = 'unallocated'")).isZero();
      assertThat(db.count("SELECT count(DISTINCT cost_centre) FROM daily")).isEqualTo(3);
    }
  }

  @Test
  void ruleMatchedCostIsExactlyTheTaggedRowsAndSharedCostFollowsDirectCost() throws Exception {
    try (Referee db = new Referee().output("", october)) {
      String direct =
          "SELECT " + DIRECT_CENTRE + " AS centre, BilledCost, EffectiveCost FROM focus";
      Map<String, BigDecimal> weights = new HashMap<>();
      BigDecimal total = BigDecimal.ZERO;
      for (String centre : List.of("payments", "data", "vision")) {
        BigDecimal fromRows =
            db.decimal(
                "SELECT sum(BilledCost) FROM (" + direct + ") WHERE centre = '" + centre + "'");
        assertThat(
                db.decimal(
                    "SELECT sum(billed_cost) FROM daily WHERE allocation = 'rule' AND cost_centre = '"
                        + centre
                        + "'"))
            .isEqualByComparingTo(fromRows);
        weights.put(centre, fromRows);
        total = total.add(fromRows);
      }
      BigDecimal shared =
          db.decimal("SELECT sum(BilledCost) FROM (" + direct + ") WHERE centre IS NULL");
      assertThat(shared).isPositive();
      assertThat(
              db.count(
                  "SELECT count(*) FROM daily WHERE allocation = 'proportional' AND charge_category = 'Tax'"))
          .isPositive();
      // Each centre's share of the shared cost is its weight's proportion, within one unit of the
      // smallest decimal each split group carries (at most 10 decimals × 3 units here).
      for (Map.Entry<String, BigDecimal> w : weights.entrySet()) {
        BigDecimal exact = shared.multiply(w.getValue()).divide(total, MathContext.DECIMAL128);
        BigDecimal got =
            db.decimal(
                "SELECT sum(billed_cost) FROM daily WHERE allocation = 'proportional' AND cost_centre = '"
                    + w.getKey()
                    + "'");
        long groups = db.count("SELECT count(*) FROM daily WHERE allocation = 'proportional'");
        assertThat(got.subtract(exact).abs())
            .isLessThanOrEqualTo(
                BigDecimal.ONE.movePointLeft(12).multiply(BigDecimal.valueOf(groups)));
      }
    }
  }

  @Test
  void anomaliesAreFoundWhereTheyWerePlantedAndNowhereElse() throws Exception {
    try (Referee db = new Referee().output("", october)) {
      assertThat(
              rows(
                  db,
                  "SELECT sub_account_id, service_name, CAST(charge_day AS VARCHAR), severity,"
                      + " effective_cost > expected_high FROM anomalies ORDER BY charge_day"))
          .containsExactly(
              List.of("200010007919", "Amazon Elastic Compute Cloud", "2026-10-04", "high", "true"),
              List.of(
                  "200010007919", "Amazon Elastic Compute Cloud", "2026-10-22", "high", "true"));
    }
    try (Referee db = new Referee().output("", octoberWithoutHistory)) {
      assertThat(rows(db, "SELECT CAST(charge_day AS VARCHAR) FROM anomalies"))
          .as("without history, 4 October has no baseline")
          .containsExactly(List.of("2026-10-22"));
    }
    try (Referee db = new Referee().output("", september)) {
      assertThat(db.count("SELECT count(*) FROM anomalies")).isZero();
    }
  }

  private static List<List<String>> rows(Referee db, String sql) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Statement s = db.connection().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
