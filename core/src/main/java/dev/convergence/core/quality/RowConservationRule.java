package dev.convergence.core.quality;

/**
 * Every source row is accounted for: source rows = staged rows + rejects + removed duplicates +
 * superseded snapshot rows. A row that is in none of them was lost without a trace.
 */
public final class RowConservationRule implements QualityRule {

  private final Severity severity;

  public RowConservationRule(Severity severity) {
    this.severity = severity;
  }

  @Override
  public RuleName name() {
    return RuleName.ROW_CONSERVATION;
  }

  @Override
  public RuleResult result(RunTotals t) {
    String sum =
        "staged "
            + t.stagedRows()
            + " + rejects "
            + t.rejectedRows()
            + " + duplicates "
            + t.duplicateRows()
            + " + superseded "
            + t.supersededRows()
            + " = "
            + t.accountedRows();
    String observed = Long.toString(t.accountedRows());
    String expected = Long.toString(t.sourceRows());
    if (t.accountedRows() == t.sourceRows()) {
      return RuleResult.pass(
          name(), severity, observed, expected, "source rows " + t.sourceRows() + " = " + sum);
    }
    return RuleResult.fail(
        name(),
        severity,
        observed,
        expected,
        "source rows "
            + t.sourceRows()
            + " but "
            + sum
            + "; "
            + Math.abs(t.sourceRows() - t.accountedRows())
            + (t.accountedRows() < t.sourceRows() ? " rows lost" : " rows too many"));
  }
}
