package dev.convergence.focus;

import static org.assertj.core.api.Assertions.assertThat;

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
}
