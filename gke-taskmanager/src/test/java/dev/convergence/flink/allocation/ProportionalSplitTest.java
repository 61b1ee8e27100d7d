package dev.convergence.flink.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProportionalSplitTest {

  private static ProportionalSplit by(Object... centreAndWeight) {
    Map<String, BigDecimal> weights = new LinkedHashMap<>();
    for (int i = 0; i < centreAndWeight.length; i += 2) {
      weights.put((String) centreAndWeight[i], new BigDecimal((String) centreAndWeight[i + 1]));
    }
    return new ProportionalSplit(weights);
  }

  private static List<BigDecimal> amounts(String... values) {
    return Arrays.stream(values).map(BigDecimal::new).toList();
  }

  @Test
  void equalWeightsGiveTheLeftOverCentToTheFirstNameAndSumExactly() {
    ProportionalSplit split = by("ops", "1", "data", "1", "web", "1");

    assertThat(split.centres()).containsExactly("data", "ops", "web");
    assertThat(split.split(new BigDecimal("100.00"))).isEqualTo(amounts("33.34", "33.33", "33.33"));
  }

  @Test
  void theLargestRemaindersGetTheLeftOverUnitsWhateverTheSign() {
    ProportionalSplit split = by("a", "2", "b", "1");

    // 0.05 × 2/3 = 0.0333…, 0.05 × 1/3 = 0.0166…: b lost more to rounding down, so b gets the cent.
    assertThat(split.split(new BigDecimal("0.05"))).isEqualTo(amounts("0.03", "0.02"));
    assertThat(split.split(new BigDecimal("-0.05"))).isEqualTo(amounts("-0.03", "-0.02"));
  }

  @Test
  void splitsInTheAmountsOwnSmallestUnitAndWeighsByExactDirectCost() {
    ProportionalSplit split = by("platform", "30.5", "data", "10.1666666667");

    List<BigDecimal> parts = split.split(new BigDecimal("1.0000000001"));

    assertThat(parts).isEqualTo(amounts("0.2500000000", "0.7500000001"));
    assertThat(parts.get(0).add(parts.get(1))).isEqualTo(new BigDecimal("1.0000000001"));
  }

  @Test
  void centresWithoutPositiveDirectCostTakeNoShare() {
    ProportionalSplit split = by("credits", "-40", "idle", "0", "web", "7");

    assertThat(split.centres()).containsExactly("web");
    assertThat(split.split(new BigDecimal("12.34"))).isEqualTo(amounts("12.34"));
  }

  @Test
  void rowCountsSplitWholeAndNullAmountsStayNull() {
    ProportionalSplit split = by("a", "1", "b", "1", "c", "1");

    assertThat(split.split(1)).containsExactly(1, 0, 0);
    assertThat(split.split(7)).containsExactly(3, 2, 2);
    assertThat(split.split((BigDecimal) null)).containsExactly(null, null, null);
  }

  @Test
  void nothingToSplitByIsEmptyAndRefusesToSplit() {
    ProportionalSplit split = by("a", "0");

    assertThat(split.isEmpty()).isTrue();
    assertThatThrownBy(() -> split.split(BigDecimal.ONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no cost centre has a positive weight to split by");
  }
}
