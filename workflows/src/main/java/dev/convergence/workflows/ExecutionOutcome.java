package dev.convergence.workflows;

import java.util.Objects;
import java.util.Optional;

/**
 * How an execution ended, as Workflows reports it: SUCCEEDED with the value {@code main} returned,
 * or FAILED with the error nothing caught and the step that raised it.
 *
 * @param failedStep the step that raised the error, as {@code <subworkflow>.<step>}
 */
public record ExecutionOutcome(
    String executionId, State state, Object result, Object error, Optional<String> failedStep) {

  /** The execution's final state. */
  public enum State {
    SUCCEEDED,
    FAILED
  }

  public ExecutionOutcome {
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(failedStep, "failedStep");
  }

  static ExecutionOutcome succeeded(String executionId, Object result) {
    return new ExecutionOutcome(executionId, State.SUCCEEDED, result, null, Optional.empty());
  }

  static ExecutionOutcome failed(String executionId, Object error, String failedStep) {
    return new ExecutionOutcome(
        executionId, State.FAILED, null, error, Optional.ofNullable(failedStep));
  }

  public boolean succeeded() {
    return state == State.SUCCEEDED;
  }
}
