package dev.convergence.stages;

import dev.convergence.core.ledger.RunRecord;
import dev.convergence.core.ledger.RunState;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.quality.QualityReport;
import dev.convergence.core.quality.RuleResult;
import dev.convergence.core.warehouse.DqOutcome;
import dev.convergence.core.warehouse.PipelineRun;
import java.time.Instant;
import java.util.Optional;

/**
 * A run's {@code pipeline_runs} row as publish and finalize both write it, so the two rows differ
 * only in what finalize knows more (the final state, when it ended, why it failed). Every value
 * comes from what is recorded (the ledger's run, the staged summary, the check's results), never
 * from the clock, so a retried stage writes the same row.
 */
public final class PipelineRuns {

  private PipelineRuns() {}

  /**
   * @param summary the processing job's summary, when there is one: its rejects are always reported
   * @param published whether the run's rows reached the warehouse: only then are the FOCUS rows,
   *     their billed cost and the anomalies reported, as {@code pipeline_runs} counts what was
   *     published
   * @param finishedAt when the run ended, or null while it runs
   */
  public static PipelineRun row(
      RunRecord run,
      Provider provider,
      RunState state,
      Instant finishedAt,
      Optional<RunSummary> summary,
      boolean published,
      Optional<QualityReport> quality,
      String errorStep,
      String errorMessage) {
    Optional<RunSummary> reported = summary.filter(s -> published);
    return new PipelineRun(
        run.runId(),
        run.tenantId(),
        provider,
        run.pipeline(),
        run.billingPeriod(),
        state,
        run.acceptedAt(),
        finishedAt,
        reported.map(s -> s.focusRows().rows()).orElse(null),
        reported.map(s -> s.focusRows().cost()).orElse(null),
        summary.map(s -> s.rejects().rows()).orElse(null),
        quality.map(PipelineRuns::outcome).orElse(null),
        reported.map(s -> s.anomalies().rows()).orElse(null),
        errorStep,
        errorMessage);
  }

  /** Failed (a critical rule failed), warnings (only warning rules failed), or passed. */
  public static DqOutcome outcome(QualityReport report) {
    if (!report.passed()) {
      return DqOutcome.FAILED;
    }
    return report.results().stream().allMatch(RuleResult::passed)
        ? DqOutcome.PASSED
        : DqOutcome.WARNINGS;
  }
}
