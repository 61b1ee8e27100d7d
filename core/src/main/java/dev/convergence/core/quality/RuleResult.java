package dev.convergence.core.quality;

import java.util.Objects;

/**
 * One rule's verdict on a run's staged output, as {@code dq_results} stores it: what was observed,
 * what was expected, and a sentence a person can act on.
 *
 * @param observed what the data shows, as text (counts, exact decimals)
 * @param expected what the rule requires, as text
 */
public record RuleResult(
    String rule,
    Severity severity,
    boolean passed,
    String observed,
    String expected,
    String message) {

  public RuleResult {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(observed, "observed");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(message, "message");
  }

  public static RuleResult pass(
      RuleName rule, Severity severity, String observed, String expected, String message) {
    return new RuleResult(rule.wireName(), severity, true, observed, expected, message);
  }

  public static RuleResult fail(
      RuleName rule, Severity severity, String observed, String expected, String message) {
    return new RuleResult(rule.wireName(), severity, false, observed, expected, message);
  }

  /** Whether this result stops the run. */
  public boolean stopsTheRun() {
    return !passed && severity == Severity.CRITICAL;
  }
}
