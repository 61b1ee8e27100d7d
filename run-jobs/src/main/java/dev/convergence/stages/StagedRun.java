package dev.convergence.stages;

import dev.convergence.core.quality.QualityReport;
import dev.convergence.core.staging.StagingJson;
import dev.convergence.core.staging.StagingLayout;
import dev.convergence.core.store.ObjectInfo;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.store.StoredObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What earlier stages left in a run's staging prefix, read the one way every later stage reads it:
 * the processing job's run summary, the check's data-quality results, and part files by prefix. A
 * document that is missing, unreadable or of another run is a {@link StageException} naming the
 * object and why.
 */
public final class StagedRun {

  private final ObjectStore store;
  private final StageRequest request;
  private final StagingLayout layout;

  public StagedRun(ObjectStore store, StageRequest request) {
    this.store = store;
    this.request = request;
    this.layout = request.layout();
  }

  public StagingLayout layout() {
    return layout;
  }

  /**
   * The processing job's one run summary.
   *
   * @throws StageException {@link StageError#STAGED_OUTPUT_MISSING} when there is none, more than
   *     one, an unreadable one, or one of another run
   */
  public RunSummary summary() {
    List<RunSummary> found = new ArrayList<>();
    for (ObjectInfo part : parts(layout.summaryOutputPrefix(), ".json")) {
      String text = new String(bytes(part), StandardCharsets.UTF_8).trim();
      for (String line : text.split("\n")) {
        if (!line.isBlank()) {
          try {
            found.add(RunSummary.parse(line, part.key()));
          } catch (IllegalArgumentException e) {
            throw new StageException(StageError.STAGED_OUTPUT_MISSING, e.getMessage(), e);
          }
        }
      }
    }
    if (found.size() != 1) {
      throw new StageException(
          StageError.STAGED_OUTPUT_MISSING,
          layout.summaryOutputPrefix()
              + ": expected one run summary, found "
              + found.size()
              + "; the processing job has not finished for this run");
    }
    RunSummary summary = found.get(0);
    if (!summary.runId().equals(request.runId())
        || !summary.tenantId().equals(request.tenantId())) {
      throw new StageException(
          StageError.STAGED_OUTPUT_MISSING,
          layout.summaryOutputPrefix()
              + ": the summary is for run "
              + summary.runId()
              + " of "
              + summary.tenantId()
              + ", not this run");
    }
    return summary;
  }

  /**
   * The check's results for this run ({@code check/dq-results.json}).
   *
   * @throws StageException {@link StageError#QUALITY_NOT_CHECKED} when they are missing,
   *     unreadable, or of another run, pipeline or period: nothing says the run passed the check
   */
  public QualityReport qualityReport() {
    String key = layout.dqResults();
    StoredObject object =
        store
            .read(key)
            .orElseThrow(
                () ->
                    new StageException(
                        StageError.QUALITY_NOT_CHECKED,
                        key + ": not found; the check has not passed this run"));
    QualityReport report;
    try {
      report = StagingJson.read(object.content(), QualityReport.class, key);
    } catch (IllegalArgumentException e) {
      throw new StageException(StageError.QUALITY_NOT_CHECKED, e.getMessage(), e);
    }
    if (!report.runId().equals(request.runId())
        || !report.tenantId().equals(request.tenantId())
        || !report.pipeline().equals(request.pipeline())
        || !report.billingPeriod().equals(request.billingPeriod())) {
      throw new StageException(
          StageError.QUALITY_NOT_CHECKED,
          key
              + ": holds the results of run "
              + report.runId()
              + " of "
              + report.tenantId()
              + " ("
              + report.pipeline()
              + ", "
              + report.billingPeriod()
              + "), not of this run");
    }
    return report;
  }

  /** The check's results when there are readable ones of this run; empty otherwise. */
  public Optional<QualityReport> qualityReportIfAny() {
    try {
      return Optional.of(qualityReport());
    } catch (StageException e) {
      return Optional.empty();
    }
  }

  /** The summary when there is a readable one of this run; empty otherwise. */
  public Optional<RunSummary> summaryIfAny() {
    try {
      return Optional.of(summary());
    } catch (StageException e) {
      return Optional.empty();
    }
  }

  /** The part files {@code part-*<suffix>} directly under {@code prefix}, sorted by key. */
  public List<ObjectInfo> parts(String prefix, String suffix) {
    return StagingLayout.partFiles(store.list(prefix), prefix, suffix);
  }

  /** A listed part file's content; one that vanished since the listing is missing output. */
  public byte[] bytes(ObjectInfo part) {
    return store
        .read(part.key())
        .orElseThrow(
            () ->
                new StageException(
                    StageError.STAGED_OUTPUT_MISSING, part.key() + ": was listed but is gone"))
        .content();
  }
}
