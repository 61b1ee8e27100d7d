package dev.convergence.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.flink.args.InputFile;
import dev.convergence.flink.args.InputFormat;
import dev.convergence.focus.synth.GeneratorSettings;
import dev.convergence.focus.synth.SyntheticBillingGenerator;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Restatement is per billing account and period, not per delivery: a payer whose only report is
 * older than another payer's newest delivery keeps all its rows, while the superseded snapshot of
 * the other payer contributes nothing. Rows of the newest delivery never pass through keyed state,
 * so this is the case that needs the newest delivery's keys sent to the older rows' operator.
 */
class SnapshotKeysIT {

  private static final String OTHER_PAYER = "999999999999";

  @TempDir static Path dir;
  static Path older;
  static Path newest;
  static Path otherPayer;

  @BeforeAll
  static void generate() throws Exception {
    List<Path> aws =
        SyntheticBillingGenerator.generate(
            new GeneratorSettings(
                Provider.AWS, BillingPeriod.of(2026, 10), 300, 21, 2, 2, dir.resolve("aws")));
    older = aws.get(0);
    newest = aws.get(1);
    String payer;
    try (Referee db = new Referee()) {
      payer =
          (String)
              db.single(
                  "SELECT DISTINCT \"bill/PayerAccountId\" FROM read_csv('"
                      + older
                      + "', header = true, all_varchar = true)");
    }
    otherPayer = dir.resolve("aws-other-payer.csv");
    Files.writeString(otherPayer, Files.readString(older).replace(payer, OTHER_PAYER));
  }

  @ParameterizedTest
  @ValueSource(strings = {"streaming", "batch"})
  void keepsTheNewestSnapshotOfEachPayer(String mode) throws Exception {
    Path out = dir.resolve("out-" + mode);
    List<InputFile> inputs =
        List.of(
            InputFile.snapshot(InputFormat.AWS_CUR, "2026-10-10T06:00:00Z", older.toString()),
            InputFile.snapshot(InputFormat.AWS_CUR, "2026-10-15T06:00:00Z", otherPayer.toString()),
            InputFile.snapshot(InputFormat.AWS_CUR, "2026-10-20T06:00:00Z", newest.toString()));
    FocusRuns.run(FocusRuns.arguments(inputs, out, "heap", mode), 0, null);

    try (Referee db = new Referee().output("", out)) {
      assertThat(db.count("SELECT count(*) FROM rejects")).isZero();
      for (Path kept : List.of(newest, otherPayer)) {
        String source = "read_csv('" + kept + "', header = true, all_varchar = true)";
        assertThat(db.count("SELECT count(*) FROM focus WHERE x_source_file = '" + kept + "'"))
            .isEqualTo(db.count("SELECT count(*) FROM " + source))
            .isPositive();
        assertThat(
                db.decimal(
                    "SELECT sum(BilledCost) FROM focus WHERE x_source_file = '" + kept + "'"))
            .isEqualByComparingTo(
                db.decimal(
                    "SELECT sum(CAST(\"lineItem/UnblendedCost\" AS DECIMAL(38, 18))) FROM "
                        + source));
      }
      assertThat(db.count("SELECT count(*) FROM focus WHERE x_source_file = '" + older + "'"))
          .isZero();
      assertThat(db.count("SELECT count(DISTINCT BillingAccountId) FROM focus")).isEqualTo(2);

      long olderRows = db.count("SELECT count(*) FROM read_csv('" + older + "', header = true)");
      JsonNode superseded =
          FocusPipelineIT.summary(out).path("outputs").path("superseded_snapshot_rows");
      assertThat(superseded.path("rows").asLong()).isEqualTo(olderRows).isPositive();
      assertThat(new BigDecimal(superseded.path("billed_cost").asText()))
          .isEqualByComparingTo(
              db.decimal(
                  "SELECT sum(CAST(\"lineItem/UnblendedCost\" AS DECIMAL(38, 18))) FROM read_csv('"
                      + older
                      + "', header = true, all_varchar = true)"));
    }
  }
}
