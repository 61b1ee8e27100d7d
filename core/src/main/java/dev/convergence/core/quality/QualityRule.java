package dev.convergence.core.quality;

/**
 * One data-quality rule over a run's staged output. The check reads the staged rows once and hands
 * each to every rule ({@link #observe}); then each rule gives its verdict with the run's totals at
 * hand. A rule instance serves one check.
 */
public interface QualityRule {

  RuleName name();

  /** Sees one staged FOCUS row. Rules that judge only totals ignore rows. */
  default void observe(StagedRow row) {}

  RuleResult result(RunTotals totals);
}
