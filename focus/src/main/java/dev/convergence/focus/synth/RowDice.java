package dev.convergence.focus.synth;

import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * The random choices for one generated line item. Each row gets its own generator derived from the
 * seed and the row's index, so a row is the same in every snapshot and extract that contains it,
 * whatever else is generated around it.
 */
final class RowDice {

  private final SplittableRandom random;

  RowDice(long seed, long index) {
    this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
  }

  int below(int bound) {
    return random.nextInt(bound);
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  /** A cost with ten decimal places, drawn exactly (no floating point): from 0 to {@code max}. */
  BigDecimal money(String max) {
    long bound = new BigDecimal(max).movePointRight(10).longValueExact();
    return BigDecimal.valueOf(random.nextLong(bound + 1), 10);
  }

  BigDecimal quantity(int max) {
    return BigDecimal.valueOf(random.nextLong(1, (long) max * 1000 + 1), 3);
  }

  String hex(int digits) {
    StringBuilder sb = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      sb.append(Character.forDigit(random.nextInt(16), 16));
    }
    return sb.toString();
  }
}
