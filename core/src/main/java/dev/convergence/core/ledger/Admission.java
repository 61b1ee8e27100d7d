package dev.convergence.core.ledger;

import dev.convergence.core.request.Rejection;

/** What {@link RunLedger#admit} decided about a run request. */
public sealed interface Admission {

  /** A new run, ACCEPTED and holding a concurrency slot. */
  record Admitted(RunRecord run) implements Admission {}

  /** The request names a run that already exists: nothing new was started. */
  record Duplicate(RunRecord run) implements Admission {}

  /** The request was refused; nothing was written. */
  record Rejected(Rejection rejection) implements Admission {}
}
