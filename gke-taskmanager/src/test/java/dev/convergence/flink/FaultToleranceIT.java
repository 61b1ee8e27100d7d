package dev.convergence.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A failure injected once, after a checkpoint, mid-job: Flink restores from that checkpoint (one
 * restart allowed) and the committed output equals a run without the failure, row for row.
 */
class FaultToleranceIT {

  @TempDir static Path dir;
  static GeneratedInputs data;
  static Path baseline;

  @BeforeAll
  static void runWithoutFailure() throws Exception {
    data = GeneratedInputs.generate(dir.resolve("landing"));
    baseline = dir.resolve("baseline");
    FocusRuns.run(FocusRuns.arguments(data.inputs(), baseline, "heap", "streaming"), 0, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void outputAfterARestoreEqualsARunWithoutFailure(String backend) throws Exception {
    Path out = dir.resolve("failed-once-" + backend);
    String switchName = "fault-" + backend;
    FocusRuns.run(
        FocusRuns.arguments(data.inputs(), out, backend, "streaming"),
        1,
        new FailOnceAfterCheckpoint(switchName, 100));

    assertThat(FailOnceAfterCheckpoint.fired(switchName)).isTrue();
    try (Referee db = new Referee().output("a_", baseline).output("b_", out)) {
      assertThat(db.count("SELECT count(*) FROM b_focus"))
          .isEqualTo(db.count("SELECT count(*) FROM a_focus"))
          .isPositive();
      // Which of two overlapping Google Cloud extracts supplies a repeated row depends on arrival
      // order, so the provenance columns of those rows may differ; everything else may not.
      String rowA = "SELECT * EXCLUDE (x_source_file, x_source_line) FROM a_focus";
      String rowB = "SELECT * EXCLUDE (x_source_file, x_source_line) FROM b_focus";
      assertThat(db.count("SELECT count(*) FROM (" + rowA + " EXCEPT ALL " + rowB + ")")).isZero();
      assertThat(db.count("SELECT count(*) FROM (" + rowB + " EXCEPT ALL " + rowA + ")")).isZero();
      String provenance =
          "SELECT x_source_file, x_source_line FROM %sfocus WHERE x_provider <> 'gcp'";
      assertThat(
              db.count(
                  "SELECT count(*) FROM ("
                      + provenance.formatted("a_")
                      + " EXCEPT ALL "
                      + provenance.formatted("b_")
                      + ")"))
          .isZero();
      assertThat(
              db.count(
                  "SELECT count(*) FROM (SELECT * FROM a_rejects EXCEPT ALL SELECT * FROM b_rejects)"))
          .isZero();
      assertThat(
              db.count(
                  "SELECT count(*) FROM (SELECT * FROM b_rejects EXCEPT ALL SELECT * FROM a_rejects)"))
          .isZero();
      assertThat(db.decimal("SELECT sum(BilledCost) FROM b_focus"))
          .isEqualByComparingTo(db.decimal("SELECT sum(BilledCost) FROM a_focus"));
      assertThat(FocusPipelineIT.summary(out)).isEqualTo(FocusPipelineIT.summary(baseline));
    }
  }
}
