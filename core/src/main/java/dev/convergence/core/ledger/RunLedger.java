package dev.convergence.core.ledger;

import dev.convergence.core.request.RunRequest;
import java.util.List;
import java.util.Optional;

/**
 * The record of every run: admission with idempotency and plan limits, state transitions, and the
 * reaping of runs that will never finish on their own.
 */
public interface RunLedger {

  /**
   * Admits {@code request} as a new run, or finds the run it already names, or refuses it. A
   * refusal writes nothing. The request must carry a request id (see {@link
   * RunRequest#withRequestIdIfAbsent}).
   *
   * @throws LedgerContentionException when the decision cannot be settled now; retry later
   */
  Admission admit(RunRequest request);

  Optional<RunRecord> find(String tenantId, String runId);

  /** The tenant's runs, most recently admitted first, at most {@code limit} of them. */
  List<RunRecord> recentRuns(String tenantId, int limit);

  /**
   * Moves a run to {@code target}, compare-and-swap against concurrent writers. Entering a terminal
   * state frees the run's concurrency slot. Asking for the state the run is already in is a no-op
   * that returns the run, so a retried step is safe.
   *
   * @throws UnknownRunException when there is no such run
   * @throws IllegalTransitionException when the lifecycle forbids the move
   */
  RunRecord transition(String tenantId, String runId, RunState target, String reason);

  /**
   * Frees every slot that will never be freed otherwise: held by a run never written, by a run that
   * has ended, or by a run past its deadline, which is failed first.
   */
  List<SlotRepair> reap();
}
