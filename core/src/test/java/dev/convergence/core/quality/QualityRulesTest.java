package dev.convergence.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule once where it passes and once where it fires, with the exact result. */
class QualityRulesTest {

  private static final Severity C = Severity.CRITICAL;

  static StagedRow row(Object... pairs) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return values::get;
  }

  static RunTotals totals(long source, String sourceCost, long staged, String stagedCost) {
    return new RunTotals(
        source,
        new BigDecimal(sourceCost),
        staged,
        new BigDecimal(stagedCost),
        0,
        BigDecimal.ZERO,
        0,
        BigDecimal.ZERO,
        0,
        BigDecimal.ZERO);
  }

  static RuleResult run(QualityRule rule, RunTotals totals, StagedRow... rows) {
    for (StagedRow row : rows) {
      rule.observe(row);
    }
    return rule.result(totals);
  }

  private static final RunTotals ANY = totals(0, "0", 0, "0");

  @Nested
  class MandatoryColumns {
    QualityRule rule() {
      return new MandatoryColumnsRule(C, List.of("BillingAccountId", "ChargeCategory"));
    }

    @Test
    void passesWhenEveryRequiredColumnHasAValue() {
      assertThat(run(rule(), ANY, row("BillingAccountId", "1", "ChargeCategory", "Usage")))
          .isEqualTo(
              new RuleResult(
                  "mandatory_columns",
                  C,
                  true,
                  "0",
                  "0",
                  "every one of 1 row has a value in all 2 required columns"));
    }

    @Test
    void firesOnNullsAndEmptyStrings() {
      assertThat(
              run(
                  rule(),
                  ANY,
                  row("ChargeCategory", "Usage"),
                  row("BillingAccountId", "", "ChargeCategory", null)))
          .isEqualTo(
              new RuleResult(
                  "mandatory_columns",
                  C,
                  false,
                  "3",
                  "0",
                  "3 null values in columns FOCUS 1.2 requires: BillingAccountId in 2 rows,"
                      + " ChargeCategory in 1 row"));
    }
  }

  @Nested
  class AllowedValues {
    QualityRule rule() {
      return new AllowedValuesRule(C, Map.of("ChargeCategory", List.of("Usage", "Credit")));
    }

    @Test
    void passesOnAllowedValuesAndNulls() {
      assertThat(run(rule(), ANY, row("ChargeCategory", "Usage"), row()))
          .isEqualTo(
              new RuleResult(
                  "allowed_values",
                  C,
                  true,
                  "0",
                  "0",
                  "every value of the 1 enumerated columns is allowed"));
    }

    @Test
    void firesOnAValueOutsideTheSpecification() {
      assertThat(
              run(
                  rule(),
                  ANY,
                  row("ChargeCategory", "Refund"),
                  row("ChargeCategory", "Refund"),
                  row("ChargeCategory", "Fee")))
          .isEqualTo(
              new RuleResult(
                  "allowed_values",
                  C,
                  false,
                  "3",
                  "0",
                  "3 values are not allowed: ChargeCategory 'Fee' in 1 row, 'Refund' in 2 rows"
                      + " (allowed: Usage, Credit)"));
    }
  }

  @Nested
  class PeriodBoundsCheck {
    final PeriodBounds october = PeriodBounds.of(Provider.AWS, BillingPeriod.of(2026, 10));

    @Test
    void passesWhenTheBillingPeriodIsTheRunsOwn() {
      assertThat(
              run(
                  new PeriodBoundsRule(C, october),
                  ANY,
                  row(
                      "BillingPeriodStart", Instant.parse("2026-10-01T00:00:00Z"),
                      "BillingPeriodEnd", Instant.parse("2026-11-01T00:00:00Z"))))
          .isEqualTo(
              new RuleResult(
                  "period_bounds",
                  C,
                  true,
                  "0",
                  "0",
                  "every row's billing period lies within 2026-10 [2026-10-01T00:00:00Z,"
                      + " 2026-11-01T00:00:00Z)"));
    }

    @Test
    void firesOnARowOfAnotherPeriod() {
      assertThat(
              run(
                  new PeriodBoundsRule(C, october),
                  ANY,
                  row(
                      "BillingPeriodStart", Instant.parse("2026-09-01T00:00:00Z"),
                      "BillingPeriodEnd", Instant.parse("2026-10-01T00:00:00Z"))))
          .isEqualTo(
              new RuleResult(
                  "period_bounds",
                  C,
                  false,
                  "1",
                  "0",
                  "1 row have a billing period outside 2026-10 [2026-10-01T00:00:00Z,"
                      + " 2026-11-01T00:00:00Z), the first [2026-09-01T00:00:00Z,"
                      + " 2026-10-01T00:00:00Z)"));
    }

    @Test
    void googleCloudPeriodsArePacificTimeMonths() {
      PeriodBounds bounds = PeriodBounds.of(Provider.GCP, BillingPeriod.of(2026, 10));
      assertThat(bounds.start()).isEqualTo(Instant.parse("2026-10-01T07:00:00Z"));
      assertThat(bounds.end()).isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
    }
  }

  @Nested
  class CurrencyPerAccount {
    @Test
    void passesWhenEachAccountHasOneCurrency() {
      assertThat(
              run(
                  new CurrencyPerAccountRule(C),
                  ANY,
                  row("BillingAccountId", "1", "BillingCurrency", "USD"),
                  row("BillingAccountId", "2", "BillingCurrency", "EUR")))
          .isEqualTo(
              new RuleResult(
                  "currency_per_account",
                  C,
                  true,
                  "0",
                  "0",
                  "each of 2 billing accounts bills in one currency"));
    }

    @Test
    void firesWhenAnAccountMixesCurrencies() {
      assertThat(
              run(
                  new CurrencyPerAccountRule(C),
                  ANY,
                  row("BillingAccountId", "1", "BillingCurrency", "USD"),
                  row("BillingAccountId", "1", "BillingCurrency", "EUR")))
          .isEqualTo(
              new RuleResult(
                  "currency_per_account",
                  C,
                  false,
                  "1",
                  "0",
                  "billing accounts with more than one currency: 1 bills in EUR and USD"));
    }
  }

  @Nested
  class RowConservation {
    @Test
    void passesWhenEverySourceRowIsAccountedFor() {
      RunTotals t =
          new RunTotals(
              10,
              BigDecimal.ZERO,
              6,
              BigDecimal.ZERO,
              1,
              BigDecimal.ZERO,
              2,
              BigDecimal.ZERO,
              1,
              BigDecimal.ZERO);
      assertThat(new RowConservationRule(C).result(t))
          .isEqualTo(
              new RuleResult(
                  "row_conservation",
                  C,
                  true,
                  "10",
                  "10",
                  "source rows 10 = staged 6 + rejects 1 + duplicates 2 + superseded 1 = 10"));
    }

    @Test
    void firesWhenRowsAreLost() {
      assertThat(new RowConservationRule(C).result(totals(10, "0", 7, "0")))
          .isEqualTo(
              new RuleResult(
                  "row_conservation",
                  C,
                  false,
                  "7",
                  "10",
                  "source rows 10 but staged 7 + rejects 0 + duplicates 0 + superseded 0 = 7;"
                      + " 3 rows lost"));
    }
  }

  @Nested
  class Reconciliation {
    @Test
    void passesWhenTheTotalsAgreeExactly() {
      RunTotals t =
          new RunTotals(
              3,
              new BigDecimal("100.10"),
              2,
              new BigDecimal("90.0000"),
              1,
              new BigDecimal("10.1"),
              0,
              BigDecimal.ZERO,
              0,
              BigDecimal.ZERO);
      assertThat(new ReconciliationRule(C, new BigDecimal("0.00")).result(t))
          .isEqualTo(
              new RuleResult(
                  "reconciliation",
                  C,
                  true,
                  "100.1000",
                  "100.10",
                  "source total 100.10 = staged 90.0000 + rejects 10.1 + duplicates 0 +"
                      + " superseded 0 = 100.1000"));
    }

    @Test
    void firesOnADifferenceOfOneTenthOfACent() {
      assertThat(
              new ReconciliationRule(C, new BigDecimal("0.00"))
                  .result(totals(1, "100.000", 1, "100.001")))
          .isEqualTo(
              new RuleResult(
                  "reconciliation",
                  C,
                  false,
                  "100.001",
                  "100.000",
                  "source total 100.000 but staged 100.001 + rejects 0 + duplicates 0 +"
                      + " superseded 0 = 100.001; off by 0.001"));
    }

    @Test
    void aToleranceIsStatedAndHonoured() {
      RuleResult result =
          new ReconciliationRule(C, new BigDecimal("0.01"))
              .result(totals(1, "100.00", 1, "100.02"));
      assertThat(result.passed()).isFalse();
      assertThat(result.expected()).isEqualTo("100.00 ± 0.01");
      assertThat(result.message()).endsWith("off by 0.02, more than the tolerance 0.01");
    }
  }

  @Nested
  class RejectRatio {
    RunTotals rejected(long rejects, long source) {
      return new RunTotals(
          source,
          BigDecimal.ZERO,
          source - rejects,
          BigDecimal.ZERO,
          rejects,
          BigDecimal.ZERO,
          0,
          BigDecimal.ZERO,
          0,
          BigDecimal.ZERO);
    }

    @Test
    void passesAtTheThreshold() {
      assertThat(
              new RejectRatioRule(RuleName.REJECT_RATIO, C, new BigDecimal("0.001"))
                  .result(rejected(1, 1000)))
          .isEqualTo(
              new RuleResult(
                  "reject_ratio",
                  C,
                  true,
                  "0.001",
                  "<= 0.001",
                  "1 of 1000 source rows rejected (0.001), within the maximum share 0.001"));
    }

    @Test
    void firesAboveTheThreshold() {
      assertThat(
              new RejectRatioRule(RuleName.REJECT_RATIO_WARNING, Severity.WARNING, BigDecimal.ZERO)
                  .result(rejected(2, 3)))
          .isEqualTo(
              new RuleResult(
                  "reject_ratio_warning",
                  Severity.WARNING,
                  false,
                  "0.666667",
                  "<= 0",
                  "2 of 3 source rows rejected (0.666667), above the maximum share 0"));
    }
  }
}
