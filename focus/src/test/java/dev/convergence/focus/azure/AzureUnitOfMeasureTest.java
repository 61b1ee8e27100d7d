package dev.convergence.focus.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden Azure UnitOfMeasure values: block, PricingUnit, ConsumedUnit, and 3 blocks consumed. */
class AzureUnitOfMeasureTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          10K Hours        | 10000   | 10000 Hours    | Hours          | 30000
          100 Hours        | 100     | 100 Hours      | Hours          | 300
          1 Hour           | 1       | Hours          | Hours          | 3
          Hours            | 1       | Hours          | Hours          | 3
          1 GB/Month       | 1       | GB/Month       | GB/Month       | 3
          10 GB/Month      | 10      | 10 GB/Month    | GB/Month       | 30
          1 GB             | 1       | GB             | GB             | 3
          1 gb             | 1       | GB             | GB             | 3
          100 GB           | 100     | 100 GB         | GB             | 300
          1 GiB Hour       | 1       | GiB-Hours      | GiB-Hours      | 3
          1 GB-Month       | 1       | GB-Months      | GB-Months      | 3
          1 vCPU Hour      | 1       | vCPU-Hours     | vCPU-Hours     | 3
          1MB              | 1       | MB             | MB             | 3
          1 TB/Month       | 1       | TB/Month       | TB/Month       | 3
          10K              | 10000   | 10000 Units    | Units          | 30000
          1K               | 1000    | 1000 Units     | Units          | 3000
          100K             | 100000  | 100000 Units   | Units          | 300000
          1M               | 1000000 | 1000000 Units  | Units          | 3000000
          1/Month          | 1       | Units/Month    | Units/Month    | 3
          1 /Day           | 1       | Units/Day      | Units/Day      | 3
          10K Transactions | 10000   | 10000 Transactions | Transactions | 30000
          1M Requests      | 1000000 | 1000000 Requests | Requests     | 3000000
          1K Tokens        | 1000    | 1000 Tokens    | Tokens         | 3000
          1 Hour/3 Months  | 1       | Hours/3 Months | Hours/3 Months | 3
          1 Hour (Windows) | 1       | 1 Hour (Windows) | 1 Hour (Windows) | 3
          """)
  void readsAzureUnits(
      String source, String block, String pricingUnit, String consumedUnit, String consumed) {
    AzureUnitOfMeasure measure = AzureUnitOfMeasure.parse(source);

    assertThat(measure.blockSize()).isEqualTo(new BigDecimal(block));
    assertThat(measure.pricingUnit()).isEqualTo(pricingUnit);
    assertThat(measure.unit()).isEqualTo(consumedUnit);
    assertThat(measure.consumedQuantity(new BigDecimal("3"))).isEqualTo(new BigDecimal(consumed));
  }

  @Test
  void scalesFractionalQuantitiesExactly() {
    AzureUnitOfMeasure measure = AzureUnitOfMeasure.parse("10K");

    assertThat(measure.consumedQuantity(new BigDecimal("0.0000564902")))
        .isEqualTo(new BigDecimal("0.5649020000"));
  }

  @Test
  void refusesAnEmptyUnitOrANonPositiveBlock() {
    assertThatThrownBy(() -> new AzureUnitOfMeasure("x", BigDecimal.ZERO, "Hours"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("blockSize: must be positive, was 0");
    assertThatThrownBy(() -> new AzureUnitOfMeasure("x", BigDecimal.ONE, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unit: is empty");
  }
}
