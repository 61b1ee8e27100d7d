package dev.convergence.flink.args;

import org.apache.flink.api.common.RuntimeExecutionMode;

/** How Flink runs the bounded job: as a stream with checkpoints, or in batch stages. */
public enum RuntimeModeKind {
  STREAMING("streaming", RuntimeExecutionMode.STREAMING),
  BATCH("batch", RuntimeExecutionMode.BATCH);

  private final String wireName;
  private final RuntimeExecutionMode flinkMode;

  RuntimeModeKind(String wireName, RuntimeExecutionMode flinkMode) {
    this.wireName = wireName;
    this.flinkMode = flinkMode;
  }

  public String wireName() {
    return wireName;
  }

  public RuntimeExecutionMode flinkMode() {
    return flinkMode;
  }
}
