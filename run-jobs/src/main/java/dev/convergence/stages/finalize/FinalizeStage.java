package dev.convergence.stages.finalize;

import dev.convergence.core.bus.EventBus;
import dev.convergence.core.bus.Topics;
import dev.convergence.core.ledger.IllegalTransitionException;
import dev.convergence.core.ledger.RunLedger;
import dev.convergence.core.ledger.RunRecord;
import dev.convergence.core.ledger.RunState;
import dev.convergence.core.ledger.StateChange;
import dev.convergence.core.logging.LogContext;
import dev.convergence.core.pipeline.PipelineCatalog;
import dev.convergence.core.pipeline.PipelineConfig;
import dev.convergence.core.quality.QualityReport;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.warehouse.StepLog;
import dev.convergence.core.warehouse.StepState;
import dev.convergence.core.warehouse.Warehouse;
import dev.convergence.stages.LedgerRuns;
import dev.convergence.stages.PipelineRuns;
import dev.convergence.stages.RunSummary;
import dev.convergence.stages.StageError;
import dev.convergence.stages.StageException;
import dev.convergence.stages.StagePipelines;
import dev.convergence.stages.StageRequest;
import dev.convergence.stages.StagedRun;
import dev.convergence.stages.TaskAttempt;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The finalize stage, run at the end of every run, the failed ones too: it ends the run in the
 * ledger (which frees its concurrency slot), writes the final {@code pipeline_runs} row and the
 * {@code step_logs} rows, and tells the world: one message on {@code run-events} and, for a
 * succeeded run, one on {@code cost-anomalies} per staged anomaly.
 *
 * <p>The ledger is the truth and is written first; everything after it is derived from it and from
 * the staged output, never from the clock, so a retry repeats the same writes and the same
 * messages. A run already in a final state is not changed again: a retried finalize finds it ended
 * and only completes what may not have been done (the slot, the rows, the messages). Messages are
 * therefore sent at least once, each copy identical and with the same event id, by which consumers
 * drop repeats. When the ledger holds another final state than the one asked for (the reaper failed
 * the run first, or the workflow's failure path follows a finalize that had ended it), the ledger's
 * state wins and is what is reported.
 *
 * <p>A failed run may have no staged output at all: the summary, the check's results and the
 * anomalies are then simply not reported.
 */
public final class FinalizeStage {

  private static final Logger log = LoggerFactory.getLogger(FinalizeStage.class);

  static final String STEP = "finalize";

  private final ObjectStore store;
  private final PipelineCatalog pipelines;
  private final RunLedger ledger;
  private final Warehouse warehouse;
  private final EventBus bus;
  private final Clock clock;
  private final TaskAttempt attempt;

  @Inject
  public FinalizeStage(
      ObjectStore store,
      PipelineCatalog pipelines,
      RunLedger ledger,
      Warehouse warehouse,
      EventBus bus,
      Clock clock,
      TaskAttempt attempt) {
    this.store = store;
    this.pipelines = pipelines;
    this.ledger = ledger;
    this.warehouse = warehouse;
    this.bus = bus;
    this.clock = clock;
    this.attempt = attempt;
  }

  /** What a stage run found out about the run, for the rows and the messages. */
  private record Facts(
      Optional<RunSummary> summary,
      Optional<QualityReport> quality,
      List<Map<String, String>> anomalies) {}

  /** Ends the run and returns it as the ledger now holds it. */
  public RunRecord run(FinalizeRequest request) {
    StageRequest target = request.run();
    try (LogContext context = LogContext.forRun(target.tenantId(), target.runId());
        LogContext stage = LogContext.forStage(STEP)) {
      Instant startedAt = clock.instant();
      PipelineConfig pipeline = StagePipelines.find(pipelines, target);
      StagedRun staged = new StagedRun(store, target);
      RunRecord found = LedgerRuns.find(ledger, target);
      // Read first, so a succeeded run whose output cannot be read is not ended as succeeded.
      RunState expected = found.isTerminal() ? found.state() : request.outcome();
      Facts facts = facts(staged, expected);
      RunRecord ended = end(found, request);
      if (ended.state() != expected) {
        facts = facts(staged, ended.state());
      }

      boolean asked = ended.state() == request.outcome();
      boolean failed = ended.state() == RunState.FAILED;
      String failedStep = failed && asked ? request.failedStep().orElseThrow() : null;
      String error = !failed ? null : asked ? request.error().orElse("") : endedBy(ended).reason();
      error = error == null || error.isBlank() ? null : error;
      boolean published =
          ended.state() == RunState.SUCCEEDED || (failed && STEP.equals(failedStep));
      Instant finishedAt = endedBy(ended).at();

      warehouse.recordRun(
          PipelineRuns.row(
              ended,
              pipeline.provider(),
              ended.state(),
              finishedAt,
              facts.summary(),
              published,
              facts.quality(),
              failedStep,
              error));
      if (failedStep != null && !failedStep.equals(STEP)) {
        warehouse.recordStep(
            new StepLog(
                ended.runId(),
                failedStep,
                1,
                StepState.FAILED,
                finishedAt,
                finishedAt,
                error == null ? "no error message" : error));
      }

      Optional<RunSummary> reported = facts.summary().filter(s -> published);
      RunEvent event =
          new RunEvent(
              ended.runId(),
              ended.tenantId(),
              ended.pipeline(),
              pipeline.provider(),
              ended.billingPeriod(),
              ended.state(),
              failedStep,
              error,
              reported.map(s -> s.focusRows().rows()).orElse(null),
              reported.map(s -> s.focusRows().cost()).orElse(null),
              reported.map(s -> s.anomalies().rows()).orElse(null),
              finishedAt);
      bus.publish(Topics.RUN_EVENTS, event.json(), event.attributes());
      for (Map<String, String> row : facts.anomalies()) {
        AnomalyEvent anomaly =
            new AnomalyEvent(
                ended.runId(), ended.tenantId(), ended.pipeline(), ended.billingPeriod(), row);
        bus.publish(Topics.COST_ANOMALIES, anomaly.json(), anomaly.attributes());
      }
      String message =
          "run "
              + ended.state()
              + (asked ? "" : " (the ledger's, not the " + request.outcome() + " asked for)")
              + "; sent "
              + event.eventId()
              + " and "
              + facts.anomalies().size()
              + " anomaly event(s)";
      log.info("Finalized: {}", message);
      warehouse.recordStep(
          new StepLog(
              ended.runId(),
              STEP,
              attempt.number(),
              StepState.SUCCEEDED,
              startedAt,
              clock.instant(),
              message));
      return ended;
    }
  }

  /**
   * What to report: a succeeded run's summary and anomalies must be there (their counts agree); for
   * a failed run whatever is readable.
   */
  private static Facts facts(StagedRun staged, RunState state) {
    if (state != RunState.SUCCEEDED) {
      return new Facts(staged.summaryIfAny(), staged.qualityReportIfAny(), List.of());
    }
    RunSummary summary = staged.summary();
    List<Map<String, String>> anomalies = StagedAnomalies.read(staged);
    if (anomalies.size() != summary.anomalies().rows()) {
      throw new StageException(
          StageError.STAGED_OUTPUT_MISSING,
          staged.layout().anomaliesOutputPrefix()
              + ": the part files hold "
              + anomalies.size()
              + " anomalies, but the job's summary counts "
              + summary.anomalies().rows()
              + "; the staged output is incomplete");
    }
    return new Facts(Optional.of(summary), staged.qualityReportIfAny(), anomalies);
  }

  /**
   * Moves the run to its final state, or leaves it where it already ended. Either way the ledger
   * frees the run's slot (a transition to the state a run is in changes nothing else), which
   * completes a release an earlier attempt may have been stopped before.
   */
  private RunRecord end(RunRecord run, FinalizeRequest request) {
    String tenantId = run.tenantId();
    String runId = run.runId();
    if (run.isTerminal()) {
      if (run.state() == request.outcome()) {
        log.info("Run {} already ended {}: nothing changes in the ledger", runId, run.state());
      } else {
        log.warn(
            "Run {} already ended {} ({}); finalize was asked for {}: the ledger's state stands",
            runId,
            run.state(),
            endedBy(run).reason(),
            request.outcome());
      }
      return ledger.transition(tenantId, runId, run.state(), endedBy(run).reason());
    }
    try {
      if (request.outcome() == RunState.SUCCEEDED && run.state() == RunState.ACCEPTED) {
        // No stage records the start yet: the run has evidently run, so it passes through RUNNING.
        ledger.transition(tenantId, runId, RunState.RUNNING, "ran its stages");
      }
      return ledger.transition(tenantId, runId, request.outcome(), request.reason());
    } catch (IllegalTransitionException e) {
      // Ended meanwhile, by the reaper or a concurrent finalize: the ledger's state stands.
      RunRecord now = LedgerRuns.find(ledger, request.run());
      if (!now.isTerminal()) {
        throw e;
      }
      return end(now, request);
    }
  }

  /** The history entry that ended the run: the last one in its final state. */
  private static StateChange endedBy(RunRecord run) {
    List<StateChange> history = run.history();
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).state() == run.state()) {
        return history.get(i);
      }
    }
    throw new IllegalStateException("run " + run.runId() + " has no history entry for its state");
  }
}
