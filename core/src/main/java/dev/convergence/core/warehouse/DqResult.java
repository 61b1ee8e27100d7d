package dev.convergence.core.warehouse;

import dev.convergence.core.quality.QualityReport;
import dev.convergence.core.quality.RuleResult;
import dev.convergence.core.quality.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One data-quality rule's result for a run, as a row of {@code dq_results}: the check stage's
 * {@link RuleResult} with the run, tenant and time it was checked.
 */
public record DqResult(
    String runId,
    String tenantId,
    String rule,
    Severity severity,
    boolean passed,
    String observed,
    String expected,
    String message,
    Instant checkedAt) {

  public DqResult {
    Objects.requireNonNull(runId, "runId");
    WarehouseTables.checkTenantId(tenantId);
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(observed, "observed");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(message, "message");
    checkedAt = PipelineRun.micros(Objects.requireNonNull(checkedAt, "checkedAt"));
  }

  /**
   * {@code results}, checked to be all of {@code runId}: what {@link Warehouse#recordDqResults}
   * replaces is one run's rows, so a result of another run is a caller's mistake.
   */
  public static List<DqResult> ofRun(String runId, List<DqResult> results) {
    Objects.requireNonNull(runId, "runId");
    for (DqResult result : results) {
      if (!result.runId().equals(runId)) {
        throw new IllegalArgumentException(
            "dq results: every result must be of run " + runId + "; got one of " + result.runId());
      }
    }
    return List.copyOf(results);
  }

  /** The rows of a check stage's report, in the report's rule order. */
  public static List<DqResult> of(QualityReport report) {
    return report.results().stream()
        .map(
            r ->
                new DqResult(
                    report.runId(),
                    report.tenantId(),
                    r.rule(),
                    r.severity(),
                    r.passed(),
                    r.observed(),
                    r.expected(),
                    r.message(),
                    report.checkedAt()))
        .toList();
  }
}
