package dev.convergence.core.warehouse;

import java.time.Instant;
import java.util.Objects;

/**
 * One attempt at one step of a run, as {@code step_logs} keeps it. The row is upserted by (run,
 * step, attempt): a step records itself as running, then again as succeeded or failed, and a
 * retried write of the same attempt changes nothing.
 *
 * @param attempt 1 for the first try of the step, counting up on each retry
 */
public record StepLog(
    String runId,
    String step,
    int attempt,
    StepState state,
    Instant startedAt,
    Instant finishedAt,
    String message) {

  public StepLog {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(state, "state");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt: must be 1 or more; got " + attempt);
    }
    startedAt = PipelineRun.micros(Objects.requireNonNull(startedAt, "startedAt"));
    finishedAt = finishedAt == null ? null : PipelineRun.micros(finishedAt);
  }
}
