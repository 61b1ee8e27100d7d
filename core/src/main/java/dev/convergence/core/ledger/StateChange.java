package dev.convergence.core.ledger;

import java.time.Instant;
import java.util.Objects;

/** One entry of a run's history: the state it entered, when, and why. */
public record StateChange(RunState state, Instant at, String reason) {

  public StateChange {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
  }
}
