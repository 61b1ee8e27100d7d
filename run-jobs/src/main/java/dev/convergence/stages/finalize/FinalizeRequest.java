package dev.convergence.stages.finalize;

import dev.convergence.core.ledger.RunState;
import dev.convergence.stages.StageRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the workflow tells finalize: which run, and how it ended. On the failure path it also names
 * the step that failed and why, which become the ledger's reason, the run event's {@code
 * failed_step} and {@code error}, and the failed step's {@code step_logs} row.
 *
 * @param outcome {@link RunState#SUCCEEDED} or {@link RunState#FAILED}
 * @param failedStep for a failure, one of {@link #STEPS}
 * @param error for a failure, the workflow's one-line description of the error (may be empty)
 */
public record FinalizeRequest(
    StageRequest run, RunState outcome, Optional<String> failedStep, Optional<String> error) {

  /** The workflow's stages, in order: the steps a failure can be charged to. */
  public static final List<String> STEPS =
      List.of("ingest", "process", "check", "publish", "finalize");

  public FinalizeRequest {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(outcome, "outcome");
    failedStep = failedStep == null ? Optional.empty() : failedStep;
    error = error == null ? Optional.empty() : error;
    if (outcome != RunState.SUCCEEDED && outcome != RunState.FAILED) {
      throw new IllegalArgumentException("outcome: must be SUCCEEDED or FAILED; got " + outcome);
    }
    if (outcome == RunState.FAILED != failedStep.isPresent()) {
      throw new IllegalArgumentException("failedStep: goes with a FAILED outcome, and only there");
    }
    failedStep.ifPresent(
        step -> {
          if (!STEPS.contains(step)) {
            throw new IllegalArgumentException("failedStep: must be one of " + STEPS);
          }
        });
  }

  public static FinalizeRequest succeeded(StageRequest run) {
    return new FinalizeRequest(run, RunState.SUCCEEDED, Optional.empty(), Optional.empty());
  }

  public static FinalizeRequest failed(StageRequest run, String failedStep, String error) {
    return new FinalizeRequest(
        run, RunState.FAILED, Optional.of(failedStep), Optional.of(error == null ? "" : error));
  }

  /** The ledger's reason for the final state. */
  String reason() {
    if (outcome == RunState.SUCCEEDED) {
      return "finalized: every stage succeeded";
    }
    String why = error.filter(e -> !e.isBlank()).orElse("no error message");
    return "failed at step " + failedStep.orElseThrow() + ": " + why;
  }
}
