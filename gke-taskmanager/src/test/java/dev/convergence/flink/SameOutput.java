package dev.convergence.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/**
 * Asserts that two runs over the same inputs committed the same output: FOCUS rows, rejects, daily
 * aggregates and summary, row for row (EXCEPT ALL both ways, so duplicates count).
 */
final class SameOutput {

  private SameOutput() {}

  static void assertSameOutput(Path expected, Path actual) throws Exception {
    try (Referee db = new Referee().output("a_", expected).output("b_", actual)) {
      assertThat(db.count("SELECT count(*) FROM b_focus"))
          .isEqualTo(db.count("SELECT count(*) FROM a_focus"))
          .isPositive();
      // Which of two overlapping Google Cloud extracts supplies a repeated row depends on arrival
      // order, so the provenance columns of those rows may differ; everything else may not.
      String rowA = "SELECT * EXCLUDE (x_source_file, x_source_line) FROM a_focus";
      String rowB = "SELECT * EXCLUDE (x_source_file, x_source_line) FROM b_focus";
      assertThat(db.missing(rowA, rowB)).isZero();
      assertThat(db.missing(rowB, rowA)).isZero();
      String provenance =
          "SELECT x_source_file, x_source_line FROM %sfocus WHERE x_provider <> 'gcp'";
      assertThat(db.missing(provenance.formatted("a_"), provenance.formatted("b_"))).isZero();
      assertThat(db.missing(provenance.formatted("b_"), provenance.formatted("a_"))).isZero();

      assertThat(db.missing("SELECT * FROM a_rejects", "SELECT * FROM b_rejects")).isZero();
      assertThat(db.missing("SELECT * FROM b_rejects", "SELECT * FROM a_rejects")).isZero();

      assertThat(db.count("SELECT count(*) FROM b_daily"))
          .isEqualTo(db.count("SELECT count(*) FROM a_daily"))
          .isPositive();
      assertThat(db.missing("SELECT * FROM a_daily", "SELECT * FROM b_daily")).isZero();
      assertThat(db.missing("SELECT * FROM b_daily", "SELECT * FROM a_daily")).isZero();

      assertThat(db.decimal("SELECT sum(BilledCost) FROM b_focus"))
          .isEqualByComparingTo(db.decimal("SELECT sum(BilledCost) FROM a_focus"));
      assertThat(FocusPipelineIT.summary(actual)).isEqualTo(FocusPipelineIT.summary(expected));
    }
  }
}
