package dev.convergence.focus.synth;

import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * Random choices for generated line items. A row's own dice come from the seed and the row's index,
 * so a row is the same in every snapshot and extract that contains it, whatever else is generated
 * around it. A resource's dice ({@link #resource}) come from the seed and the row's slot within its
 * day or hour: the k-th line item of every day is the same resource (account, service, region,
 * price, kind of charge), as cloud workloads run day after day, so a series' daily cost is steady
 * and the anomalies a test plants stand out from it.
 */
final class RowDice {

  private final SplittableRandom random;

  RowDice(long seed, long index) {
    this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
  }

  /** The dice of the resource in {@code slot}: the same on every day (or hour) of a period. */
  static RowDice resource(long seed, long slot) {
    return new RowDice(~seed, slot);
  }

  /**
   * The first row index of a period part (day, hour) when {@code rows} spread over {@code parts}.
   */
  static long firstIndex(long part, long rows, long parts) {
    return (part * rows + parts - 1) / parts;
  }

  /**
   * {@code quantity} wobbled by the row's own dice and kept at three decimals, as a usage meter
   * reports it (so amounts keep the precision providers write, never more than the output's).
   */
  static BigDecimal wobbled(BigDecimal quantity, RowDice row) {
    return quantity.multiply(row.wobble()).setScale(3, java.math.RoundingMode.HALF_EVEN);
  }

  /** A factor from 0.9 to 1.1 in steps of 0.001: day-to-day wobble of a steady resource. */
  BigDecimal wobble() {
    return BigDecimal.valueOf(900 + random.nextInt(201), 3);
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
