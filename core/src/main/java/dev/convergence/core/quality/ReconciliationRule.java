package dev.convergence.core.quality;

import java.math.BigDecimal;

/**
 * The staged output reconciles with the source to the tolerance the pipeline sets (by default
 * exactly): staged BilledCost + rejects' raw cost + removed duplicates' cost + superseded rows'
 * cost = the source's own total, as ingest summed it from the files.
 */
public final class ReconciliationRule implements QualityRule {

  private final Severity severity;
  private final BigDecimal tolerance;

  public ReconciliationRule(Severity severity, BigDecimal tolerance) {
    this.severity = severity;
    this.tolerance = tolerance;
  }

  @Override
  public RuleName name() {
    return RuleName.RECONCILIATION;
  }

  @Override
  public RuleResult result(RunTotals t) {
    BigDecimal accounted = t.accountedCost();
    BigDecimal difference = accounted.subtract(t.sourceCost());
    String sum =
        "staged "
            + t.stagedCost().toPlainString()
            + " + rejects "
            + t.rejectedCost().toPlainString()
            + " + duplicates "
            + t.duplicateCost().toPlainString()
            + " + superseded "
            + t.supersededCost().toPlainString()
            + " = "
            + accounted.toPlainString();
    String expected =
        t.sourceCost().toPlainString()
            + (tolerance.signum() == 0 ? "" : " ± " + tolerance.toPlainString());
    if (difference.abs().compareTo(tolerance) <= 0) {
      return RuleResult.pass(
          name(),
          severity,
          accounted.toPlainString(),
          expected,
          "source total " + t.sourceCost().toPlainString() + " = " + sum);
    }
    return RuleResult.fail(
        name(),
        severity,
        accounted.toPlainString(),
        expected,
        "source total "
            + t.sourceCost().toPlainString()
            + " but "
            + sum
            + "; off by "
            + difference.toPlainString()
            + (tolerance.signum() == 0
                ? ""
                : ", more than the tolerance " + tolerance.toPlainString()));
  }
}
