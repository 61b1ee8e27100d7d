package dev.convergence.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A failure injected once, after a checkpoint, mid-job: Flink restores from that checkpoint (one
 * restart allowed) and the committed output (FOCUS rows, rejects, daily aggregates, summary) equals
 * a run without the failure, row for row.
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
    SameOutput.assertSameOutput(baseline, out);
  }
}
