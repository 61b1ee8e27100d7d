package dev.convergence.core.quality;

import dev.convergence.core.pipeline.DataQualitySettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One check of a run's staged output: every rule sees every staged FOCUS row in one pass ({@link
 * #observe}), which also counts the rows and sums their BilledCost; then {@link #results} gives
 * each rule's verdict against the run's totals. Which rules run, and how severe each is, comes from
 * the pipeline's {@link DataQualitySettings}.
 */
public final class QualityCheck {

  private final List<QualityRule> rules;
  private long stagedRows;
  private BigDecimal stagedCost = BigDecimal.ZERO;

  public QualityCheck(List<QualityRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The standard rules, in the order results list them. */
  public static QualityCheck standard(
      DataQualitySettings settings, FocusColumnRules columns, PeriodBounds bounds) {
    List<QualityRule> rules = new ArrayList<>();
    rules.add(
        new MandatoryColumnsRule(
            settings.severityOf(RuleName.MANDATORY_COLUMNS), columns.required()));
    rules.add(
        new AllowedValuesRule(
            settings.severityOf(RuleName.ALLOWED_VALUES), columns.allowedValues()));
    rules.add(new PeriodBoundsRule(settings.severityOf(RuleName.PERIOD_BOUNDS), bounds));
    rules.add(new CurrencyPerAccountRule(settings.severityOf(RuleName.CURRENCY_PER_ACCOUNT)));
    rules.add(new RowConservationRule(settings.severityOf(RuleName.ROW_CONSERVATION)));
    rules.add(
        new ReconciliationRule(
            settings.severityOf(RuleName.RECONCILIATION), settings.reconciliationTolerance()));
    rules.add(
        new RejectRatioRule(
            RuleName.REJECT_RATIO,
            settings.severityOf(RuleName.REJECT_RATIO),
            settings.maxRejectShare()));
    if (settings.warnRejectShare() != null) {
      rules.add(
          new RejectRatioRule(
              RuleName.REJECT_RATIO_WARNING,
              settings.severityOf(RuleName.REJECT_RATIO_WARNING),
              settings.warnRejectShare()));
    }
    return new QualityCheck(rules);
  }

  public void observe(StagedRow row) {
    stagedRows++;
    if (row.value("BilledCost") instanceof BigDecimal cost) {
      stagedCost = stagedCost.add(cost);
    }
    for (QualityRule rule : rules) {
      rule.observe(row);
    }
  }

  /** Staged FOCUS rows seen so far. */
  public long stagedRows() {
    return stagedRows;
  }

  /** Their BilledCost, exact. */
  public BigDecimal stagedCost() {
    return stagedCost;
  }

  public List<RuleResult> results(RunTotals totals) {
    return rules.stream().map(rule -> rule.result(totals)).toList();
  }
}
