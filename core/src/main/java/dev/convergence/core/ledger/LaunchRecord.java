package dev.convergence.core.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The start of a run's workflow: first claimed (so one delivery starts it), then recorded with the
 * execution's name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LaunchRecord(String runId, Stage stage, Instant claimedAt, String execution) {

  enum Stage {
    CLAIMED,
    STARTED
  }

  static LaunchRecord claimed(String runId, Instant at) {
    return new LaunchRecord(runId, Stage.CLAIMED, at, null);
  }

  LaunchRecord started(String execution) {
    return new LaunchRecord(runId, Stage.STARTED, claimedAt, execution);
  }
}
