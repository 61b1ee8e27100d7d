package dev.convergence.flink.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The 16-byte DECIMAL(38, 18) encoding: the long fast path gives exactly the bytes of the {@code
 * BigInteger} one, and values that do not fit still fail as {@link Decimals#toOutputScale} does.
 */
class DecimalEncodingTest {

  private static final BigInteger TWO_TO_127 = BigInteger.ONE.shiftLeft(127);

  @Test
  void edgeCasesEncodeAsTheirUnscaledValueAtScale18() {
    List<String> values =
        List.of(
            "0",
            "0.0",
            "-0.000",
            "0E-18",
            "0E-20",
            "0E+5",
            "1",
            "-1",
            "1E-18",
            "-1E-18",
            "0.000000018104",
            "-0.000000018104",
            "5.8132676009352",
            "-5.8132676009352",
            "0.999999999999999999",
            "-0.999999999999999999",
            "9.223372036854775807",
            "9.223372036854775808",
            "-9.223372036854775808",
            "-9.223372036854775809",
            "999999999999999999",
            "-999999999999999999",
            "1000000000000000000",
            "9223372036854775807",
            "-9223372036854775808",
            "18446744073709551616",
            "12345.678",
            "-12345.678",
            "1E+3",
            "-1E+19",
            "1.50000000000000000000",
            "-2.000000000000000000000000",
            "99999999999999999999.999999999999999999",
            "-99999999999999999999.999999999999999999",
            "0.1",
            "-0.1");
    for (String v : values) {
      BigDecimal value = new BigDecimal(v);
      byte[] bytes = RecordWriteSupport.decimal(value);
      assertThat(bytes).as(v).hasSize(16);
      assertThat(new BigInteger(bytes))
          .as(v)
          .isEqualTo(value.setScale(Decimals.SCALE).unscaledValue());
      assertThat(bytes).as(v).isEqualTo(RecordWriteSupport.decimalViaBigInteger(value));
    }
  }

  @Test
  void negativeValuesAreSignExtendedTwosComplement() {
    assertThat(RecordWriteSupport.decimal(new BigDecimal("-1E-18"))).containsOnly((byte) 0xFF);
    assertThat(RecordWriteSupport.decimal(BigDecimal.ZERO)).containsOnly((byte) 0);
    byte[] minusOne = RecordWriteSupport.decimal(BigDecimal.ONE.negate());
    assertThat(new BigInteger(minusOne)).isEqualTo(BigInteger.TEN.pow(18).negate());
    assertThat(minusOne[0]).isEqualTo((byte) 0xFF);
  }

  @Test
  void randomValuesEncodeAsTheBigIntegerPathDoes() {
    Random random = new Random(20261001L);
    List<BigDecimal> values = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      long unscaled =
          switch (i % 4) {
            case 0 -> random.nextLong();
            case 1 -> random.nextLong() % 1_000_000_000_000_000_000L;
            case 2 -> random.nextInt();
            default -> random.nextLong() >> random.nextInt(64);
          };
      values.add(BigDecimal.valueOf(unscaled, random.nextInt(19)));
    }
    for (int i = 0; i < 50_000; i++) {
      // Up to 38 digits at scale 18: the widest values the output holds.
      BigInteger unscaled = new BigInteger(random.nextInt(126) + 1, random);
      values.add(
          new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(19))
              .setScale(Decimals.SCALE)
              .stripTrailingZeros());
    }
    for (BigDecimal value : values) {
      if (value.setScale(Decimals.SCALE).precision() > Decimals.PRECISION) {
        continue;
      }
      byte[] bytes = RecordWriteSupport.decimal(value);
      assertThat(bytes)
          .as(value.toPlainString())
          .isEqualTo(RecordWriteSupport.decimalViaBigInteger(value));
      BigInteger unscaled = new BigInteger(bytes);
      assertThat(unscaled.abs()).isLessThan(TWO_TO_127);
      assertThat(new BigDecimal(unscaled, Decimals.SCALE)).isEqualByComparingTo(value);
    }
  }

  @Test
  void valuesThatDoNotFitFailAsBefore() {
    for (String v :
        List.of(
            "1E-19",
            "-0.0000000000000000001",
            "1.0000000000000000001",
            "100000000000000000000",
            "-123456789012345678901.5",
            "1E+20")) {
      BigDecimal value = new BigDecimal(v);
      assertThatThrownBy(() -> Decimals.toOutputScale(value))
          .as(v)
          .isInstanceOf(ArithmeticException.class);
      assertThatThrownBy(() -> RecordWriteSupport.decimal(value))
          .as(v)
          .isInstanceOf(ArithmeticException.class);
    }
  }
}
