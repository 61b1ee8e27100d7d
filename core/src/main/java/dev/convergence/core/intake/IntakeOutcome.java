package dev.convergence.core.intake;

import dev.convergence.core.ledger.RunRecord;
import dev.convergence.core.request.Rejection;
import java.util.Optional;

/** What intake did with a delivered run request. */
public sealed interface IntakeOutcome {

  /**
   * The request names a run, admitted now ({@code newRun}) or before. {@code execution} is its
   * workflow's execution, started by this delivery when {@code startedNow}; empty when the run has
   * moved on past the start without one recorded here (it was started directly).
   */
  record Accepted(RunRecord run, boolean newRun, Optional<String> execution, boolean startedNow)
      implements IntakeOutcome {}

  /** The request was refused and published to the dead-letter topic with its reason. */
  record DeadLettered(Rejection rejection) implements IntakeOutcome {}
}
