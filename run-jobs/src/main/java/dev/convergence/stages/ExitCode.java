package dev.convergence.stages;

/**
 * How a stage's process ends, so the workflow and whoever reads the Cloud Run execution can tell a
 * failure worth retrying from one that will fail the same way again. The table is also in {@code
 * run-jobs/README.md}.
 */
public enum ExitCode {
  /** The stage did its work (or found it already done). */
  OK(0),
  /** The arguments or environment are wrong: a deployment mistake, the same on every retry. */
  USAGE(2),
  /** The run's input is wrong (no files, unknown layout, mixed currencies): permanent. */
  BAD_INPUT(3),
  /** A critical data-quality rule failed: permanent, and nothing is published. */
  QUALITY_FAILED(4),
  /** A bug: an unexpected exception. Retried, in case it was a passing condition. */
  INTERNAL(70),
  /** A dependency failed (the store, BigQuery): retry. */
  TRANSIENT(75);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** Whether retrying the task can succeed. */
  public boolean retryable() {
    return this == TRANSIENT || this == INTERNAL;
  }
}
