package dev.convergence.flink.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convergence.core.provider.Provider;
import dev.convergence.focus.FocusRow;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Which amounts fit the output's DECIMAL(38, 18), and the reject reason of a row whose do not. */
class DecimalsTest {

  private static FocusRow.Builder row() {
    return FocusRow.builder()
        .xTenantId("acme_corp")
        .xRunId("run-1")
        .xProvider(Provider.AWS)
        .xSourceFile("cur.csv")
        .xSourceLine(7)
        .chargePeriodStart(Instant.parse("2026-10-05T00:00:00Z"))
        .billingPeriodStart(Instant.parse("2026-10-01T00:00:00Z"))
        .billingAccountId("111111111111")
        .billingCurrency("USD")
        .billedCost(new BigDecimal("1.25"))
        .effectiveCost(new BigDecimal("1.25"));
  }

  @Test
  void aRowWhoseAmountsFitHasNoMisfit() {
    assertThat(Decimals.misfit(row().listUnitPrice(new BigDecimal("0.000000000000000001")).build()))
        .isNull();
  }

  @Test
  void theMisfitNamesTheFirstAmountThatDoesNotFitAndItsValue() {
    FocusRow row =
        row()
            .effectiveCost(new BigDecimal("123456789012345678901.5"))
            .listUnitPrice(new BigDecimal("0.0000000000000000001"))
            .build();
    assertThat(Decimals.misfit(row))
        .isEqualTo("EffectiveCost: 123456789012345678901.5 does not fit DECIMAL(38, 18) exactly");
    assertThat(Decimals.misfit(row().listUnitPrice(new BigDecimal("1E-19")).build()))
        .isEqualTo("ListUnitPrice: 0.0000000000000000001 does not fit DECIMAL(38, 18) exactly");
  }

  @Test
  void fitsAgreesWithRescalingOnEdgeValues() {
    for (String v :
        List.of(
            "0",
            "0E-30",
            "0E+30",
            "1E-18",
            "1E-19",
            "1.000000000000000000000",
            "1.0000000000000000001",
            "99999999999999999999.999999999999999999",
            "100000000000000000000",
            "99999999999999999999.9999999999999999990",
            "-99999999999999999999",
            "1E+19",
            "1E+20",
            "123456789012345678901.5",
            "0.1")) {
      BigDecimal value = new BigDecimal(v);
      assertThat(Decimals.fits(value)).as(v).isEqualTo(rescales(value));
      assertThat(Decimals.fittingOrNull(value)).as(v).isSameAs(rescales(value) ? value : null);
    }
  }

  @Test
  void fitsAgreesWithRescalingOnRandomValues() {
    Random random = new Random(20261122L);
    int fitting = 0;
    for (int i = 0; i < 100_000; i++) {
      BigInteger unscaled = new BigInteger(random.nextInt(140) + 1, random);
      BigDecimal value =
          new BigDecimal(
              random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(50) - 10);
      boolean expected = rescales(value);
      assertThat(Decimals.fits(value)).as(value.toString()).isEqualTo(expected);
      fitting += expected ? 1 : 0;
    }
    assertThat(fitting).isBetween(10_000, 90_000);
  }

  private static boolean rescales(BigDecimal value) {
    try {
      Decimals.toOutputScale(value);
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }
}
