package dev.convergence.focus;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FocusConformanceTest {

  private final FocusConformance conformance = FocusConformance.v1_2();

  @Test
  void aCompleteRowConforms() {
    assertThat(conformance.check(TestRows.conformant().build())).isEmpty();
  }

  @Test
  void mandatoryNonNullColumnsMustHaveValues() {
    FocusRow row = TestRows.conformant().billedCost(null).chargeCategory(null).build();

    assertThat(conformance.check(row))
        .extracting(Violation::column)
        .containsExactlyInAnyOrder("BilledCost", "ChargeCategory");
  }

  @Test
  void recommendedNonNullColumnsMustHaveValuesButNullableOnesMayBeNull() {
    FocusRow row =
        TestRows.conformant().chargeFrequency(null).billingAccountName(null).tags(null).build();

    assertThat(conformance.check(row))
        .extracting(Violation::column)
        .containsExactly("ChargeFrequency");
  }

  @Test
  void enumeratedColumnsTakeOnlyAllowedValues() {
    FocusRow row =
        TestRows.conformant().chargeCategory("Adjustments").pricingCategory("On-Demand").build();

    assertThat(conformance.check(row))
        .extracting(Violation::toString)
        .containsExactlyInAnyOrder(
            "ChargeCategory: 'Adjustments' is not an allowed value; expected one of [Usage,"
                + " Purchase, Tax, Credit, Adjustment]",
            "PricingCategory: 'On-Demand' is not an allowed value; expected one of [Standard,"
                + " Dynamic, Committed, Other]");
  }

  @Test
  void subcategoryMustBelongToItsCategory() {
    FocusRow row = TestRows.conformant().serviceSubcategory("Object Storage").build();

    assertThat(conformance.check(row))
        .extracting(Violation::toString)
        .containsExactly(
            "ServiceSubcategory: 'Object Storage' is not a subcategory of ServiceCategory"
                + " 'Compute'");
  }

  @Test
  void chargePeriodEndMustComeAfterItsStart() {
    Instant t = Instant.parse("2026-11-03T00:00:00Z");
    FocusRow row = TestRows.conformant().chargePeriodStart(t).chargePeriodEnd(t).build();

    assertThat(conformance.check(row))
        .extracting(Violation::column)
        .containsExactly("ChargePeriodEnd");
  }

  @Test
  void currenciesAreIso4217Shaped() {
    FocusRow row = TestRows.conformant().billingCurrency("usd").pricingCurrency("EURO").build();

    assertThat(conformance.check(row))
        .extracting(Violation::column)
        .containsExactly("BillingCurrency", "PricingCurrency");
  }

  @Test
  void emptyStringsAreNotValues() {
    FocusRow row = TestRows.conformant().regionId("").build();

    assertThat(conformance.check(row)).extracting(Violation::column).containsExactly("RegionId");
  }

  @Test
  void aCreditWithoutListUnitPriceListsAtItsBilledCost() {
    FocusRow zeroList =
        TestRows.conformant()
            .chargeCategory("Credit")
            .billedCost(new BigDecimal("-1.50"))
            .listCost(BigDecimal.ZERO)
            .build();
    FocusRow sameValue =
        TestRows.conformant()
            .chargeCategory("Credit")
            .billedCost(new BigDecimal("-1.50"))
            .listCost(new BigDecimal("-1.5000"))
            .build();
    FocusRow priced =
        TestRows.conformant()
            .chargeCategory("Credit")
            .billedCost(new BigDecimal("-1.50"))
            .listCost(BigDecimal.ZERO)
            .listUnitPrice(new BigDecimal("0.10"))
            .build();

    assertThat(conformance.check(zeroList))
        .extracting(Violation::toString)
        .containsExactly(
            "ListCost: is 0, not BilledCost -1.50; a Credit (ChargeCategory) with a null"
                + " ListUnitPrice lists at its BilledCost");
    assertThat(conformance.check(sameValue)).isEmpty();
    assertThat(conformance.check(priced)).isEmpty();
  }

  @Test
  void aCorrectionCorrectsAnEarlierBillingPeriod() {
    FocusRow current = TestRows.conformant().chargeClass("Correction").build();
    FocusRow earlier =
        TestRows.conformant()
            .chargeClass("Correction")
            .chargePeriodStart(Instant.parse("2026-10-20T00:00:00Z"))
            .chargePeriodEnd(Instant.parse("2026-10-21T00:00:00Z"))
            .build();

    assertThat(conformance.check(current))
        .extracting(Violation::toString)
        .containsExactly(
            "ChargeClass: is Correction but ChargePeriodStart 2026-11-03T00:00:00Z is not before"
                + " BillingPeriodStart 2026-11-01T00:00:00Z; a correction corrects a previously"
                + " invoiced billing period");
    assertThat(conformance.check(earlier)).isEmpty();
  }
}
