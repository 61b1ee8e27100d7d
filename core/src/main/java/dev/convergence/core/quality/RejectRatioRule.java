package dev.convergence.core.quality;

import java.math.BigDecimal;

/**
 * The share of source rows the conversion rejected stays at or below a threshold. A few rejects are
 * expected of real exports (a provider's new charge type); many mean the layout changed and the
 * published totals would be short.
 */
public final class RejectRatioRule implements QualityRule {

  private final RuleName name;
  private final Severity severity;
  private final BigDecimal maxShare;

  /**
   * @param name {@link RuleName#REJECT_RATIO} or {@link RuleName#REJECT_RATIO_WARNING}
   */
  public RejectRatioRule(RuleName name, Severity severity, BigDecimal maxShare) {
    this.name = name;
    this.severity = severity;
    this.maxShare = maxShare;
  }

  @Override
  public RuleName name() {
    return name;
  }

  @Override
  public RuleResult result(RunTotals t) {
    String share = Counts.share(t.rejectedRows(), t.sourceRows());
    String expected = "<= " + maxShare.toPlainString();
    String counted = t.rejectedRows() + " of " + t.sourceRows() + " source rows rejected (" + share;
    // rejected / source > max, without dividing.
    boolean above =
        BigDecimal.valueOf(t.rejectedRows())
                .compareTo(maxShare.multiply(BigDecimal.valueOf(t.sourceRows())))
            > 0;
    if (!above) {
      return RuleResult.pass(
          name,
          severity,
          share,
          expected,
          counted + "), within the maximum share " + maxShare.toPlainString());
    }
    return RuleResult.fail(
        name,
        severity,
        share,
        expected,
        counted + "), above the maximum share " + maxShare.toPlainString());
  }
}
