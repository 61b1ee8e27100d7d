package dev.convergence.core.ledger;

/** A state change the run's lifecycle does not allow, such as FAILED to RUNNING. */
public final class IllegalTransitionException extends RuntimeException {

  private final String runId;
  private final RunState from;
  private final RunState to;

  public IllegalTransitionException(String runId, RunState from, RunState to) {
    super(
        "run "
            + runId
            + " cannot move from "
            + from
            + " to "
            + to
            + (from.isTerminal()
                ? ": it has already ended"
                : "; from " + from + " it may move to " + from.next()));
    this.runId = runId;
    this.from = from;
    this.to = to;
  }

  public String runId() {
    return runId;
  }

  public RunState from() {
    return from;
  }

  public RunState to() {
    return to;
  }
}
