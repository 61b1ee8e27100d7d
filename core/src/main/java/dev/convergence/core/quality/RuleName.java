package dev.convergence.core.quality;

import dev.convergence.core.config.WireName;

/**
 * The data-quality rules the check stage runs, by the name results and pipeline configs use, each
 * with the severity it has unless the pipeline's {@code data_quality.severities} says otherwise.
 */
public enum RuleName implements WireName {
  /** FOCUS columns the specification never allows to be null have a value in every row. */
  MANDATORY_COLUMNS("mandatory_columns", Severity.CRITICAL),
  /** Enumerated FOCUS columns hold only the specification's allowed values. */
  ALLOWED_VALUES("allowed_values", Severity.CRITICAL),
  /** Every row's billing period lies within the run's billing period. */
  PERIOD_BOUNDS("period_bounds", Severity.CRITICAL),
  /** Each billing account bills in one currency. */
  CURRENCY_PER_ACCOUNT("currency_per_account", Severity.CRITICAL),
  /** Source rows = staged rows + rejects + removed duplicates + superseded snapshot rows. */
  ROW_CONSERVATION("row_conservation", Severity.CRITICAL),
  /** Staged BilledCost + the cost of what was left out = the source's own total. */
  RECONCILIATION("reconciliation", Severity.CRITICAL),
  /** The share of source rows rejected stays at or below {@code max_reject_share}. */
  REJECT_RATIO("reject_ratio", Severity.CRITICAL),
  /** The share of source rows rejected stays at or below {@code warn_reject_share}. */
  REJECT_RATIO_WARNING("reject_ratio_warning", Severity.WARNING);

  private final String wireName;
  private final Severity defaultSeverity;

  RuleName(String wireName, Severity defaultSeverity) {
    this.wireName = wireName;
    this.defaultSeverity = defaultSeverity;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
