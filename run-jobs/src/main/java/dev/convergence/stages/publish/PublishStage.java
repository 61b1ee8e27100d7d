package dev.convergence.stages.publish;

import dev.convergence.core.ledger.RunLedger;
import dev.convergence.core.ledger.RunRecord;
import dev.convergence.core.ledger.RunState;
import dev.convergence.core.logging.LogContext;
import dev.convergence.core.pipeline.PipelineCatalog;
import dev.convergence.core.pipeline.PipelineConfig;
import dev.convergence.core.quality.QualityReport;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.warehouse.DqResult;
import dev.convergence.core.warehouse.Publication;
import dev.convergence.core.warehouse.PublishResult;
import dev.convergence.core.warehouse.StagedOutput;
import dev.convergence.core.warehouse.StepLog;
import dev.convergence.core.warehouse.StepState;
import dev.convergence.core.warehouse.Warehouse;
import dev.convergence.core.warehouse.WarehouseException;
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
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publish stage: replaces the run's slices in the warehouse with its staged output, then
 * records the check's results, the step and the run.
 *
 * <p>It publishes only what the check passed: without {@code check/dq-results.json} of this run, or
 * with a failed critical rule in it, it refuses before writing anything, so a critical failure
 * leaves the warehouse as it was. Every write is a replacement (the slices, the run's {@code
 * dq_results}, the attempt's {@code step_logs} row, the run's {@code pipeline_runs} row), made in
 * that order, so a retry after a failure at any point ends with the same tables as one clean
 * attempt.
 */
public final class PublishStage {

  private static final Logger log = LoggerFactory.getLogger(PublishStage.class);

  static final String STEP = "publish";

  private final ObjectStore store;
  private final PipelineCatalog pipelines;
  private final RunLedger ledger;
  private final Warehouse warehouse;
  private final Clock clock;
  private final TaskAttempt attempt;

  @Inject
  public PublishStage(
      ObjectStore store,
      PipelineCatalog pipelines,
      RunLedger ledger,
      Warehouse warehouse,
      Clock clock,
      TaskAttempt attempt) {
    this.store = store;
    this.pipelines = pipelines;
    this.ledger = ledger;
    this.warehouse = warehouse;
    this.clock = clock;
    this.attempt = attempt;
  }

  /**
   * Publishes the run and returns what the warehouse replaced.
   *
   * @throws StageException {@link StageError#QUALITY_NOT_CHECKED} or {@link
   *     StageError#QUALITY_FAILED} (exit 4) before anything is written, when the check's results
   *     are missing or a critical rule failed
   */
  public PublishResult run(StageRequest request) {
    try (LogContext context = LogContext.forRun(request.tenantId(), request.runId());
        LogContext stage = LogContext.forStage(STEP)) {
      Instant startedAt = clock.instant();
      PipelineConfig pipeline = StagePipelines.find(pipelines, request);
      StagedRun staged = new StagedRun(store, request);
      QualityReport quality = staged.qualityReport();
      if (!quality.passed()) {
        throw new StageException(
            StageError.QUALITY_FAILED,
            staged.layout().dqResults()
                + ": critical data-quality rules failed, nothing is published: "
                + quality.criticalFailures().stream()
                    .map(r -> r.rule() + " (" + r.message() + ")")
                    .collect(Collectors.joining("; ")));
      }
      RunRecord run = LedgerRuns.find(ledger, request);
      if (run.isTerminal()) {
        throw new StageException(
            StageError.RUN_ENDED,
            "run " + run.runId() + " has already ended " + run.state() + "; nothing is published");
      }
      RunSummary summary = staged.summary();
      StagedOutput output;
      try {
        output = StagedOutput.find(store, staged.layout());
      } catch (IllegalArgumentException e) {
        throw new StageException(
            StageError.STAGED_OUTPUT_MISSING,
            staged.layout().focusOutputPrefix() + ": " + e.getMessage(),
            e);
      }

      PublishResult result =
          publish(
              new Publication(
                  request.tenantId(),
                  request.runId(),
                  pipeline.provider(),
                  request.billingPeriod(),
                  output));
      log.info(
          "Replaced {} slice(s) {}: {} FOCUS, {} daily, {} anomaly rows",
          result.slices().size(),
          result.slices(),
          result.focusRows(),
          result.dailyRows(),
          result.anomalyRows());

      warehouse.recordDqResults(request.runId(), DqResult.of(quality));
      warehouse.recordStep(
          new StepLog(
              request.runId(),
              STEP,
              attempt.number(),
              StepState.SUCCEEDED,
              startedAt,
              clock.instant(),
              "replaced "
                  + result.slices().size()
                  + " slice(s): "
                  + result.focusRows()
                  + " FOCUS rows, "
                  + result.dailyRows()
                  + " daily rows, "
                  + result.anomalyRows()
                  + " anomaly rows"));
      warehouse.recordRun(
          PipelineRuns.row(
              run,
              pipeline.provider(),
              RunState.RUNNING,
              null,
              Optional.of(summary),
              true,
              Optional.of(quality),
              null,
              null));
      return result;
    }
  }

  /** The publish, with the warehouse's permanent refusals turned into the stage's reasons. */
  private PublishResult publish(Publication publication) {
    try {
      return warehouse.publish(publication);
    } catch (WarehouseException e) {
      StageError error =
          switch (e.reason()) {
            case STAGED_DATA_MISMATCH -> StageError.STAGED_DATA_MISMATCH;
            case SCHEMA_OUT_OF_DATE -> StageError.WAREHOUSE_OUT_OF_DATE;
            case SCHEMA_CONFLICT, REFUSED -> StageError.WAREHOUSE_REFUSED;
            case QUOTA_EXCEEDED, UNAVAILABLE, STORAGE_FAILURE -> null;
          };
      if (error == null) {
        throw e;
      }
      throw new StageException(error, e.getMessage(), e);
    }
  }
}
