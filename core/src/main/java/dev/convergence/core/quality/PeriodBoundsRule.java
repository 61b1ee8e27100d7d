package dev.convergence.core.quality;

import java.time.Instant;

/**
 * Every staged row's billing period (BillingPeriodStart, BillingPeriodEnd) lies within the run's
 * billing period. Publishing replaces exactly the run's slice; a row of another period would land
 * in a slice this run does not own, and be lost at that slice's next replacement.
 */
public final class PeriodBoundsRule implements QualityRule {

  private final Severity severity;
  private final PeriodBounds bounds;
  private long outside;
  private String first;

  public PeriodBoundsRule(Severity severity, PeriodBounds bounds) {
    this.severity = severity;
    this.bounds = bounds;
  }

  @Override
  public RuleName name() {
    return RuleName.PERIOD_BOUNDS;
  }

  @Override
  public void observe(StagedRow row) {
    if (row.value("BillingPeriodStart") instanceof Instant start
        && row.value("BillingPeriodEnd") instanceof Instant end
        && !bounds.contains(start, end)) {
      outside++;
      if (first == null) {
        first = "[" + start + ", " + end + ")";
      }
    }
  }

  @Override
  public RuleResult result(RunTotals totals) {
    if (outside == 0) {
      return RuleResult.pass(
          name(), severity, "0", "0", "every row's billing period lies within " + bounds);
    }
    return RuleResult.fail(
        name(),
        severity,
        Long.toString(outside),
        "0",
        Counts.rows(outside) + " have a billing period outside " + bounds + ", the first " + first);
  }
}
