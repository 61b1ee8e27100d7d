package dev.convergence.core.pipeline;

import dev.convergence.core.config.Require;
import dev.convergence.core.config.WireName;
import dev.convergence.core.quality.RuleName;
import dev.convergence.core.quality.Severity;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the check stage holds a run's staged output to before anything is published.
 *
 * <pre>
 * data_quality:
 *   reconciliation_tolerance: "0.00"   # exact by default
 *   max_reject_share: "0.001"          # above it the reject_ratio rule fails
 *   warn_reject_share: "0.0001"        # optional: above it reject_ratio_warning fails
 *   severities:                        # optional: a rule's severity other than its default
 *     allowed_values: warning
 * </pre>
 *
 * @param reconciliationTolerance how far, in the billing currency, the output's BilledCost total
 *     may be from the source's own total; 0.00 means exactly
 * @param maxRejectShare the largest share of source rows (0 to 1) that may go to rejects before the
 *     run fails
 * @param warnRejectShare a share of rejects (0 to {@code maxRejectShare}) above which a warning is
 *     recorded; null for no warning rule
 * @param severities per rule name ({@link RuleName}), a severity other than the rule's default
 */
public record DataQualitySettings(
    BigDecimal reconciliationTolerance,
    BigDecimal maxRejectShare,
    BigDecimal warnRejectShare,
    Map<String, Severity> severities) {

  public static final DataQualitySettings DEFAULT =
      new DataQualitySettings(new BigDecimal("0.00"), BigDecimal.ZERO);

  public DataQualitySettings {
    reconciliationTolerance =
        reconciliationTolerance == null ? new BigDecimal("0.00") : reconciliationTolerance;
    maxRejectShare = maxRejectShare == null ? BigDecimal.ZERO : maxRejectShare;
    Require.that(
        reconciliationTolerance.signum() >= 0,
        "reconciliation_tolerance",
        "must not be negative; got " + reconciliationTolerance);
    Require.that(
        maxRejectShare.signum() >= 0 && maxRejectShare.compareTo(BigDecimal.ONE) <= 0,
        "max_reject_share",
        "must be between 0 and 1; got " + maxRejectShare);
    if (warnRejectShare != null) {
      Require.that(
          warnRejectShare.signum() >= 0 && warnRejectShare.compareTo(maxRejectShare) <= 0,
          "warn_reject_share",
          "must be between 0 and max_reject_share ("
              + maxRejectShare
              + "); got "
              + warnRejectShare);
    }
    Map<String, Severity> copy = new TreeMap<>();
    if (severities != null) {
      for (Map.Entry<String, Severity> entry : severities.entrySet()) {
        Require.that(
            WireName.find(RuleName.class, entry.getKey()).isPresent(),
            "severities",
            "unknown rule '"
                + entry.getKey()
                + "'; expected one of "
                + WireName.list(RuleName.class));
        Require.present(entry.getValue(), "severities." + entry.getKey());
        copy.put(entry.getKey(), entry.getValue());
      }
    }
    severities = Collections.unmodifiableMap(copy);
  }

  /** Settings with the given tolerance and maximum reject share, and nothing else changed. */
  public DataQualitySettings(BigDecimal reconciliationTolerance, BigDecimal maxRejectShare) {
    this(reconciliationTolerance, maxRejectShare, null, null);
  }

  /** The severity {@code rule} has in this pipeline. */
  public Severity severityOf(RuleName rule) {
    return severities.getOrDefault(rule.wireName(), rule.defaultSeverity());
  }
}
