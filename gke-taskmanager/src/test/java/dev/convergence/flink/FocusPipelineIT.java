package dev.convergence.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole job on a MiniCluster (streaming, checkpoint every 100 ms) over seeded AWS, Azure and
 * Google Cloud data, checked against DuckDB reading the sources and the committed Parquet; the
 * daily aggregates against DuckDB's GROUP BY over the committed FOCUS rows.
 */
class FocusPipelineIT {

  @TempDir static Path dir;
  static GeneratedInputs data;

  @BeforeAll
  static void generate() throws Exception {
    data = GeneratedInputs.generate(dir.resolve("landing"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void convertsResolvesAndTotalsExactly(String backend) throws Exception {
    Path out = dir.resolve("out-" + backend);
    FocusRuns.run(FocusRuns.arguments(data.inputs(), out, backend, "streaming"), 0, null);

    try (Referee db = new Referee().output("", out)) {
      // AWS: only the newest snapshot counts; its every line is a row or a reject.
      String newestAws = data.newestAws().toString();
      String awsSource = "read_csv('" + newestAws + "', header = true, all_varchar = true)";
      assertThat(db.count("SELECT count(*) FROM focus WHERE x_provider = 'aws'"))
          .isEqualTo(
              db.count("SELECT count(*) FROM focus WHERE x_source_file = '" + newestAws + "'"))
          .isEqualTo(
              db.count("SELECT count(*) FROM " + awsSource)
                  - db.count(
                      "SELECT count(*) FROM rejects WHERE x_source_file = '" + newestAws + "'"));
      assertThat(
              db.decimal("SELECT sum(BilledCost) FROM focus WHERE x_provider = 'aws'")
                  .add(
                      db.decimal(
                          "SELECT sum(raw_cost) FROM rejects WHERE x_source_file = '"
                              + newestAws
                              + "'")))
          .isEqualByComparingTo(
              db.decimal(
                  "SELECT sum(CAST(\"lineItem/UnblendedCost\" AS DECIMAL(38, 18))) FROM "
                      + awsSource));
      // A line item only in an older snapshot contributes nothing.
      for (Path older : data.olderAws()) {
        String olderSource = "read_csv('" + older + "', header = true, all_varchar = true)";
        assertThat(db.count("SELECT count(*) FROM " + olderSource)).isPositive();
        assertThat(
                db.count(
                    "SELECT count(*) FROM "
                        + olderSource
                        + " o WHERE \"identity/LineItemId\" NOT IN (SELECT \"identity/LineItemId\" FROM "
                        + awsSource
                        + ")"))
            .isPositive();
        assertThat(
                db.count(
                    "SELECT count(*) FROM focus WHERE x_source_row_id IN (SELECT \"identity/LineItemId\" FROM "
                        + olderSource
                        + ")"))
            .isZero();
      }

      // Azure: the newer export run replaces the older one.
      String newestAzure = data.newestAzure().toString();
      String azureSource = "read_csv('" + newestAzure + "', header = true, all_varchar = true)";
      assertThat(db.count("SELECT count(*) FROM focus WHERE x_provider = 'azure'"))
          .isEqualTo(
              db.count("SELECT count(*) FROM " + azureSource)
                  - db.count(
                      "SELECT count(*) FROM rejects WHERE x_source_file = '" + newestAzure + "'"));
      assertThat(
              db.decimal("SELECT sum(BilledCost) FROM focus WHERE x_provider = 'azure'")
                  .add(
                      db.decimal(
                          "SELECT sum(raw_cost) FROM rejects WHERE x_source_file = '"
                              + newestAzure
                              + "'")))
          .isEqualByComparingTo(
              db.decimal(
                  "SELECT sum(CAST(CostInBillingCurrency AS DECIMAL(38, 18))) FROM "
                      + azureSource));

      // Google Cloud: overlapping extracts counted once; late rows kept.
      db.execute(
          "CREATE VIEW gcp_rows AS SELECT DISTINCT json FROM read_json_objects('"
              + data.gcpDir()
              + "/*.jsonl', format = 'newline_delimited')");
      long lines =
          db.count(
              "SELECT count(*) FROM read_json_objects('"
                  + data.gcpDir()
                  + "/*.jsonl', format = 'newline_delimited')");
      long distinct = db.count("SELECT count(*) FROM gcp_rows");
      assertThat(lines).isGreaterThan(distinct);
      long credits =
          db.count(
              "SELECT count(*) FROM gcp_rows, unnest(CAST(json->'credits' AS JSON[])) AS t(c)");
      assertThat(db.count("SELECT count(*) FROM focus WHERE x_provider = 'gcp'"))
          .isEqualTo(
              db.count("SELECT count(DISTINCT x_row_identity) FROM focus WHERE x_provider = 'gcp'"))
          .isEqualTo(
              distinct
                  + credits
                  - db.count("SELECT count(*) FROM rejects WHERE x_provider = 'gcp'"));
      assertThat(
              db.decimal("SELECT sum(BilledCost) FROM focus WHERE x_provider = 'gcp'")
                  .add(db.decimal("SELECT sum(raw_cost) FROM rejects WHERE x_provider = 'gcp'")))
          .isEqualByComparingTo(
              db.decimal("SELECT sum(CAST(json->>'cost' AS DECIMAL(38, 18))) FROM gcp_rows")
                  .add(
                      db.decimal(
                          "SELECT sum(CAST(c->>'amount' AS DECIMAL(38, 18))) FROM gcp_rows,"
                              + " unnest(CAST(json->'credits' AS JSON[])) AS t(c)")));
      String late =
          "SELECT * FROM gcp_rows WHERE strptime(json->>'export_time', '%Y-%m-%d %H:%M:%S UTC')"
              + " > strptime(json->>'usage_end_time', '%Y-%m-%d %H:%M:%S UTC') + INTERVAL 1 DAY";
      long lateRows = db.count("SELECT count(*) FROM (" + late + ")");
      assertThat(lateRows).isPositive();
      assertThat(
              db.count(
                  "SELECT count(*) FROM ("
                      + late
                      + ") l WHERE EXISTS (SELECT 1 FROM focus f WHERE f.x_provider = 'gcp'"
                      + " AND f.ChargeCategory <> 'Credit'"
                      + " AND f.SkuId = l.json->>'$.sku.id'"
                      + " AND f.SubAccountId = l.json->>'$.project.id'"
                      + " AND f.BilledCost = CAST(l.json->>'cost' AS DECIMAL(38, 18))"
                      + " AND f.ChargePeriodStart = strptime(l.json->>'usage_start_time',"
                      + " '%Y-%m-%d %H:%M:%S UTC'))"))
          .isEqualTo(lateRows);

      // Daily aggregates: exactly DuckDB's GROUP BY over the committed FOCUS rows, row for row.
      String referee = Referee.dailyFromFocus("");
      long dailyRows = db.count("SELECT count(*) FROM daily");
      assertThat(dailyRows)
          .isEqualTo(db.count("SELECT count(*) FROM (" + referee + ")"))
          .isPositive()
          .isLessThan(db.count("SELECT count(*) FROM focus"));
      assertThat(db.missing("SELECT * FROM daily", referee)).isZero();
      assertThat(db.missing(referee, "SELECT * FROM daily")).isZero();
      assertThat(db.count("SELECT count(*) FROM daily WHERE cost_centre IS NULL"))
          .isEqualTo(dailyRows);
      assertThat(db.count("SELECT count(DISTINCT provider) FROM daily")).isEqualTo(3);
      assertThat(db.count("SELECT sum(row_count) FROM daily"))
          .isEqualTo(db.count("SELECT count(*) FROM focus"));
      for (String cost : List.of("BilledCost", "EffectiveCost", "ListCost")) {
        String column = cost.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        assertThat(db.decimal("SELECT sum(" + column + ") FROM daily"))
            .isEqualByComparingTo(db.decimal("SELECT sum(" + cost + ") FROM focus"));
      }

      // The summary agrees with the committed Parquet.
      JsonNode summary = summary(out);
      assertThat(summary.path("outputs").path("focus_rows").path("rows").asLong())
          .isEqualTo(db.count("SELECT count(*) FROM focus"));
      assertThat(
              new BigDecimal(
                  summary.path("outputs").path("focus_rows").path("billed_cost").asText()))
          .isEqualByComparingTo(db.decimal("SELECT sum(BilledCost) FROM focus"));
      assertThat(summary.path("outputs").path("daily_aggregates").path("rows").asLong())
          .isEqualTo(dailyRows);
      assertThat(
              new BigDecimal(
                  summary.path("outputs").path("daily_aggregates").path("billed_cost").asText()))
          .isEqualByComparingTo(
              new BigDecimal(
                  summary.path("outputs").path("focus_rows").path("billed_cost").asText()))
          .isEqualByComparingTo(db.decimal("SELECT sum(billed_cost) FROM daily"));
      assertThat(summary.path("outputs").path("rejects").path("rows").asLong())
          .isEqualTo(db.count("SELECT count(*) FROM rejects"));
      assertThat(summary.path("outputs").path("duplicate_rows").path("rows").asLong())
          .isEqualTo(lines - distinct + (credits > 0 ? duplicateCredits(db, data) : 0));
      assertThat(summary.path("outputs").path("superseded_snapshot_rows").path("rows").asLong())
          .isPositive();
    }
  }

  private static long duplicateCredits(Referee db, GeneratedInputs data) throws Exception {
    return db.count(
            "SELECT count(*) FROM read_json_objects('"
                + data.gcpDir()
                + "/*.jsonl', format = 'newline_delimited'), unnest(CAST(json->'credits' AS JSON[])) AS t(c)")
        - db.count(
            "SELECT count(*) FROM gcp_rows, unnest(CAST(json->'credits' AS JSON[])) AS t(c)");
  }

  static JsonNode summary(Path out) throws Exception {
    try (Stream<Path> files = Files.list(out.resolve("summary"))) {
      List<Path> committed =
          files.filter(f -> f.getFileName().toString().endsWith(".json")).toList();
      assertThat(committed).hasSize(1);
      List<String> lines = Files.readAllLines(committed.get(0));
      assertThat(lines).hasSize(1);
      return new ObjectMapper().readTree(lines.get(0));
    }
  }
}
