package dev.convergence.core.quality;

import dev.convergence.core.request.BillingPeriod;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every rule's result for one run, as the check stage writes it to {@code check/dq-results.json}
 * and publish appends it to {@code dq_results}. {@code passed} is false when any critical rule
 * failed: then nothing of the run is published.
 */
public record QualityReport(
    String runId,
    String tenantId,
    String pipeline,
    BillingPeriod billingPeriod,
    boolean passed,
    List<RuleResult> results,
    Instant checkedAt) {

  public QualityReport {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(billingPeriod, "billingPeriod");
    Objects.requireNonNull(checkedAt, "checkedAt");
    results = List.copyOf(results);
    boolean critical = results.stream().anyMatch(RuleResult::stopsTheRun);
    if (passed == critical) {
      throw new IllegalArgumentException(
          "passed: must be " + !critical + " for these results; got " + passed);
    }
  }

  public static QualityReport of(
      String runId,
      String tenantId,
      String pipeline,
      BillingPeriod billingPeriod,
      List<RuleResult> results,
      Instant checkedAt) {
    boolean passed = results.stream().noneMatch(RuleResult::stopsTheRun);
    return new QualityReport(runId, tenantId, pipeline, billingPeriod, passed, results, checkedAt);
  }

  public List<RuleResult> criticalFailures() {
    return results.stream().filter(RuleResult::stopsTheRun).toList();
  }
}
