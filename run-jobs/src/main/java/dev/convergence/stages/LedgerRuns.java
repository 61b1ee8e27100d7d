package dev.convergence.stages;

import dev.convergence.core.ledger.RunLedger;
import dev.convergence.core.ledger.RunRecord;

/** The ledger's record of the run a stage was started for, checked to be that run. */
public final class LedgerRuns {

  private LedgerRuns() {}

  /**
   * @throws StageException {@link StageError#UNKNOWN_RUN} when the ledger has no such run, {@link
   *     StageError#INVALID_ARGUMENT} when it is of another pipeline or billing period than the
   *     stage was told
   */
  public static RunRecord find(RunLedger ledger, StageRequest request) {
    RunRecord run =
        ledger
            .find(request.tenantId(), request.runId())
            .orElseThrow(
                () ->
                    new StageException(
                        StageError.UNKNOWN_RUN,
                        "run_id: the ledger has no run "
                            + request.runId()
                            + " of tenant "
                            + request.tenantId()));
    if (!run.pipeline().equals(request.pipeline())
        || !run.billingPeriod().equals(request.billingPeriod())) {
      throw new StageException(
          StageError.INVALID_ARGUMENT,
          "run "
              + run.runId()
              + " is of pipeline "
              + run.pipeline()
              + " and period "
              + run.billingPeriod()
              + ", not "
              + request.pipeline()
              + " and "
              + request.billingPeriod());
    }
    return run;
  }
}
