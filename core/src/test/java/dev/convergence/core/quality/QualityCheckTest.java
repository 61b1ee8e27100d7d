package dev.convergence.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.core.pipeline.DataQualitySettings;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.staging.StagingJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityCheckTest {

  private static final FocusColumnRules COLUMNS =
      new FocusColumnRules(
          List.of("BillingAccountId"), Map.of("ChargeCategory", List.of("Usage", "Credit")));
  private static final PeriodBounds OCTOBER =
      PeriodBounds.of(Provider.AWS, BillingPeriod.of(2026, 10));

  @Test
  void runsTheStandardRulesWithThePipelinesSeverities() {
    DataQualitySettings settings =
        new DataQualitySettings(
            new BigDecimal("0.00"),
            new BigDecimal("0.5"),
            new BigDecimal("0.1"),
            Map.of("allowed_values", Severity.WARNING));
    QualityCheck check = QualityCheck.standard(settings, COLUMNS, OCTOBER);
    check.observe(
        QualityRulesTest.row(
            "BillingAccountId",
            "1",
            "ChargeCategory",
            "Refund",
            "BillingCurrency",
            "USD",
            "BilledCost",
            new BigDecimal("4.50"),
            "BillingPeriodStart",
            Instant.parse("2026-10-01T00:00:00Z"),
            "BillingPeriodEnd",
            Instant.parse("2026-11-01T00:00:00Z")));
    assertThat(check.stagedRows()).isEqualTo(1);
    assertThat(check.stagedCost()).isEqualByComparingTo("4.50");

    List<RuleResult> results = check.results(QualityRulesTest.totals(1, "4.5", 1, "4.50"));
    assertThat(results)
        .extracting(RuleResult::rule, RuleResult::severity, RuleResult::passed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("mandatory_columns", Severity.CRITICAL, true),
            org.assertj.core.groups.Tuple.tuple("allowed_values", Severity.WARNING, false),
            org.assertj.core.groups.Tuple.tuple("period_bounds", Severity.CRITICAL, true),
            org.assertj.core.groups.Tuple.tuple("currency_per_account", Severity.CRITICAL, true),
            org.assertj.core.groups.Tuple.tuple("row_conservation", Severity.CRITICAL, true),
            org.assertj.core.groups.Tuple.tuple("reconciliation", Severity.CRITICAL, true),
            org.assertj.core.groups.Tuple.tuple("reject_ratio", Severity.CRITICAL, true),
            org.assertj.core.groups.Tuple.tuple("reject_ratio_warning", Severity.WARNING, true));

    QualityReport report =
        QualityReport.of(
            "run-1", "acme_corp", "aws-cur", BillingPeriod.of(2026, 10), results, Instant.EPOCH);
    assertThat(report.passed()).as("a warning does not stop the run").isTrue();
    assertThat(report.criticalFailures()).isEmpty();
  }

  @Test
  void aCriticalFailureFailsTheReport() {
    RuleResult failed =
        RuleResult.fail(RuleName.RECONCILIATION, Severity.CRITICAL, "1", "2", "off by 1");
    QualityReport report =
        QualityReport.of(
            "run-1",
            "acme_corp",
            "aws-cur",
            BillingPeriod.of(2026, 10),
            List.of(failed),
            Instant.EPOCH);
    assertThat(report.passed()).isFalse();
    assertThat(report.criticalFailures()).containsExactly(failed);
  }

  @Test
  void theReportIsWrittenAsTheDqResultsDocument() {
    QualityReport report =
        QualityReport.of(
            "run-1",
            "acme_corp",
            "aws-cur",
            BillingPeriod.of(2026, 10),
            List.of(RuleResult.pass(RuleName.ROW_CONSERVATION, Severity.CRITICAL, "3", "3", "ok")),
            Instant.parse("2026-10-21T08:00:00Z"));
    String json = new String(StagingJson.write(report), StandardCharsets.UTF_8);
    assertThat(json)
        .isEqualToIgnoringWhitespace(
            """
            {"run_id":"run-1","tenant_id":"acme_corp","pipeline":"aws-cur",
             "billing_period":"2026-10","passed":true,
             "results":[{"rule":"row_conservation","severity":"critical","passed":true,
               "observed":"3","expected":"3","message":"ok"}],
             "checked_at":"2026-10-21T08:00:00Z"}
            """);
    assertThat(StagingJson.read(json.getBytes(StandardCharsets.UTF_8), QualityReport.class, "r"))
        .isEqualTo(report);
  }

  @Test
  void unknownRuleNamesInTheSettingsAreRefused() {
    assertThatThrownBy(
            () ->
                new DataQualitySettings(
                    BigDecimal.ZERO, BigDecimal.ZERO, null, Map.of("recon", Severity.WARNING)))
        .hasMessage(
            "unknown rule 'recon'; expected one of mandatory_columns, allowed_values,"
                + " period_bounds, currency_per_account, row_conservation, reconciliation,"
                + " reject_ratio, reject_ratio_warning");
  }

  @Test
  void theWarningShareMayNotExceedTheMaximum() {
    assertThatThrownBy(
            () ->
                new DataQualitySettings(
                    BigDecimal.ZERO, new BigDecimal("0.01"), new BigDecimal("0.02"), null))
        .hasMessage("must be between 0 and max_reject_share (0.01); got 0.02");
  }
}
