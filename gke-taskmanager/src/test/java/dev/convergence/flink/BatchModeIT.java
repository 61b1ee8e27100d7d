package dev.convergence.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.flink.runtime.jobgraph.JobType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same pipeline in BATCH runtime mode commits the same output as in STREAMING mode over the
 * same inputs: FOCUS rows, rejects, daily aggregates and summary.
 */
class BatchModeIT {

  @TempDir static Path dir;

  @Test
  void batchOutputEqualsStreamingOutput() throws Exception {
    GeneratedInputs data = GeneratedInputs.generate(dir.resolve("landing"));
    Path streaming = dir.resolve("streaming");
    Path batch = dir.resolve("batch");
    assertThat(
            FocusRuns.run(
                FocusRuns.arguments(data.inputs(), streaming, "heap", "streaming"), 0, null))
        .isEqualTo(JobType.STREAMING);
    assertThat(
            FocusRuns.run(FocusRuns.arguments(data.inputs(), batch, "rocksdb", "batch"), 0, null))
        .isEqualTo(JobType.BATCH);

    SameOutput.assertSameOutput(streaming, batch);
  }
}
