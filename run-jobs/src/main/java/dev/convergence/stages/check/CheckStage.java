package dev.convergence.stages.check;

import dev.convergence.core.logging.LogContext;
import dev.convergence.core.pipeline.PipelineCatalog;
import dev.convergence.core.pipeline.PipelineConfig;
import dev.convergence.core.quality.PeriodBounds;
import dev.convergence.core.quality.QualityCheck;
import dev.convergence.core.quality.QualityReport;
import dev.convergence.core.quality.RuleResult;
import dev.convergence.core.quality.RunTotals;
import dev.convergence.core.quality.StagedRow;
import dev.convergence.core.staging.RunManifest;
import dev.convergence.core.staging.StagingJson;
import dev.convergence.core.staging.StagingLayout;
import dev.convergence.core.store.ObjectInfo;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.store.StoredObject;
import dev.convergence.stages.RunSummary;
import dev.convergence.stages.StageError;
import dev.convergence.stages.StageException;
import dev.convergence.stages.StagePipelines;
import dev.convergence.stages.StageRequest;
import dev.convergence.stages.StagedRun;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check stage: holds a run's staged output to the pipeline's data-quality rules before anything
 * is published. It reads the ingest manifest (the source's own totals), the processing job's staged
 * FOCUS rows and rejects (Parquet) and its run summary (what it dropped as duplicates or
 * superseded), runs every rule in one pass over the rows, and writes every result to {@code
 * check/dq-results.json}. A critical failure then fails the stage, so the run stops there.
 */
public final class CheckStage {

  private static final Logger log = LoggerFactory.getLogger(CheckStage.class);

  private final ObjectStore store;
  private final PipelineCatalog pipelines;
  private final Clock clock;

  @Inject
  public CheckStage(ObjectStore store, PipelineCatalog pipelines, Clock clock) {
    this.store = store;
    this.pipelines = pipelines;
    this.clock = clock;
  }

  /**
   * Runs the check and writes the results; returns them when no critical rule failed.
   *
   * @throws StageException {@link StageError#QUALITY_FAILED} after writing the results, when a
   *     critical rule failed
   */
  public QualityReport run(StageRequest request) {
    try (LogContext context = LogContext.forRun(request.tenantId(), request.runId());
        LogContext stage = LogContext.forStage("check")) {
      StagingLayout layout = request.layout();
      PipelineConfig pipeline = StagePipelines.find(pipelines, request);
      RunManifest manifest = manifest(layout, request);
      RunSummary summary = new StagedRun(store, request).summary();

      QualityCheck check =
          QualityCheck.standard(
              pipeline.dataQuality(),
              FocusRequirements.v1_2(),
              PeriodBounds.of(manifest.provider(), manifest.billingPeriod()));
      for (ObjectInfo part : parts(layout.focusOutputPrefix())) {
        read(part, check::observe);
      }
      if (check.stagedRows() != summary.focusRows().rows()) {
        throw new StageException(
            StageError.STAGED_OUTPUT_MISSING,
            layout.focusOutputPrefix()
                + ": the part files hold "
                + check.stagedRows()
                + " rows, but the job's summary counts "
                + summary.focusRows().rows()
                + "; the staged output is incomplete");
      }
      long[] rejected = new long[1];
      BigDecimal[] rejectedCost = {BigDecimal.ZERO};
      for (ObjectInfo part : parts(layout.rejectsOutputPrefix())) {
        read(
            part,
            row -> {
              rejected[0]++;
              if (row.value("raw_cost") instanceof BigDecimal cost) {
                rejectedCost[0] = rejectedCost[0].add(cost);
              }
            });
      }
      RunTotals totals =
          new RunTotals(
              manifest.sourceRows(),
              manifest.sourceCost(),
              check.stagedRows(),
              check.stagedCost(),
              rejected[0],
              rejectedCost[0],
              summary.duplicateRows().rows(),
              summary.duplicateRows().cost(),
              summary.supersededSnapshotRows().rows(),
              summary.supersededSnapshotRows().cost());
      List<RuleResult> results = check.results(totals);
      QualityReport report =
          QualityReport.of(
              request.runId(),
              request.tenantId(),
              pipeline.name(),
              manifest.billingPeriod(),
              results,
              clock.instant());
      store.put(layout.dqResults(), StagingJson.write(report));
      for (RuleResult result : results) {
        if (result.passed()) {
          log.info("{} passed: {}", result.rule(), result.message());
        } else {
          log.warn("{} failed ({}): {}", result.rule(), result.severity(), result.message());
        }
      }
      if (!report.passed()) {
        throw new StageException(
            StageError.QUALITY_FAILED,
            "critical data-quality rules failed: "
                + report.criticalFailures().stream()
                    .map(r -> r.rule() + " (" + r.message() + ")")
                    .collect(Collectors.joining("; ")));
      }
      return report;
    }
  }

  private RunManifest manifest(StagingLayout layout, StageRequest request) {
    StoredObject object =
        store
            .read(layout.manifest())
            .orElseThrow(
                () ->
                    new StageException(
                        StageError.MANIFEST_MISSING,
                        layout.manifest() + ": not found; ingest has not finished for this run"));
    RunManifest manifest;
    try {
      manifest = StagingJson.read(object.content(), RunManifest.class, layout.manifest());
    } catch (IllegalArgumentException e) {
      throw new StageException(StageError.MANIFEST_MISSING, e.getMessage(), e);
    }
    if (!manifest.pipeline().equals(request.pipeline())
        || !manifest.billingPeriod().equals(request.billingPeriod())) {
      throw new StageException(
          StageError.INVALID_ARGUMENT,
          layout.manifest()
              + ": is for pipeline "
              + manifest.pipeline()
              + " and period "
              + manifest.billingPeriod()
              + ", not "
              + request.pipeline()
              + " and "
              + request.billingPeriod());
    }
    return manifest;
  }

  private List<ObjectInfo> parts(String prefix) {
    return parts(prefix, ".parquet");
  }

  private List<ObjectInfo> parts(String prefix, String suffix) {
    return StagingLayout.partFiles(store.list(prefix), prefix, suffix);
  }

  private byte[] bytes(ObjectInfo part) {
    return store
        .read(part.key())
        .orElseThrow(
            () ->
                new StageException(
                    StageError.STAGED_OUTPUT_MISSING, part.key() + ": was listed but is gone"))
        .content();
  }

  private void read(ObjectInfo part, Consumer<StagedRow> rows) {
    byte[] content = bytes(part);
    try {
      StagedParquet.read(content, rows);
    } catch (IOException | RuntimeException e) {
      if (e instanceof StageException s) {
        throw s;
      }
      throw new StageException(
          StageError.STAGED_OUTPUT_MISSING,
          part.key() + ": is not readable Parquet: " + e.getMessage(),
          e);
    }
  }
}
