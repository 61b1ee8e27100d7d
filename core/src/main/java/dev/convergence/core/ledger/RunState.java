package dev.convergence.core.ledger;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a run is in its life: {@code ACCEPTED → RUNNING → (SUCCEEDED | FAILED)}, or {@code ACCEPTED
 * → (FAILED | REJECTED)} when it ends before it starts. Terminal states are final.
 */
public enum RunState {
  ACCEPTED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  /** Refused after admission, for a reason that is the sender's: its source holds no data. */
  REJECTED;

  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == REJECTED;
  }

  /** The states this one may move to. */
  public Set<RunState> next() {
    return switch (this) {
      case ACCEPTED -> EnumSet.of(RUNNING, FAILED, REJECTED);
      case RUNNING -> EnumSet.of(SUCCEEDED, FAILED);
      case SUCCEEDED, FAILED, REJECTED -> EnumSet.noneOf(RunState.class);
    };
  }

  public boolean canMoveTo(RunState target) {
    return next().contains(target);
  }
}
