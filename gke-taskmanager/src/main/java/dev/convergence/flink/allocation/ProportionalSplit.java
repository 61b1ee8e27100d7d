package dev.convergence.flink.allocation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Splits an amount across cost centres in proportion to weights, exactly: the parts always sum to
 * the amount, in the amount's own smallest unit (a cent for {@code 12.34}, 10⁻¹⁸ for an amount with
 * 18 decimals), so an allocated total equals the input total to the last digit, never just "to the
 * cent after rounding". The largest-remainder method gives each centre the whole units of its exact
 * share, then hands the units left over one at a time to the centres whose shares lost the most;
 * equal losses go to the centre whose name sorts first. The result depends only on the amount and
 * the weights, never on the order anything arrived in.
 */
public final class ProportionalSplit {

  private final List<String> centres;
  private final BigInteger[] weights;
  private final BigInteger total;

  /**
   * @param weights each cost centre's weight (its direct cost); centres weighing zero or less get
   *     nothing and are left out
   */
  public ProportionalSplit(Map<String, BigDecimal> weights) {
    SortedMap<String, BigDecimal> positive = new TreeMap<>();
    weights.forEach(
        (centre, weight) -> {
          if (weight.signum() > 0) {
            positive.put(Objects.requireNonNull(centre, "cost centre"), weight);
          }
        });
    int scale = positive.values().stream().mapToInt(BigDecimal::scale).max().orElse(0);
    this.centres = List.copyOf(positive.keySet());
    this.weights =
        positive.values().stream()
            .map(w -> w.setScale(Math.max(scale, 0)).unscaledValue())
            .toArray(BigInteger[]::new);
    this.total = java.util.Arrays.stream(this.weights).reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** Whether there is anything to split by: at least one centre with a positive weight. */
  public boolean isEmpty() {
    return centres.isEmpty();
  }

  /** The cost centres that take part, by name. */
  public List<String> centres() {
    return centres;
  }

  /** {@code amount} split into one part per {@link #centres()}, in that order; null stays null. */
  public List<BigDecimal> split(BigDecimal amount) {
    if (amount == null) {
      List<BigDecimal> none = new ArrayList<>();
      centres.forEach(c -> none.add(null));
      return none;
    }
    BigDecimal exact = amount.scale() < 0 ? amount.setScale(0) : amount;
    List<BigDecimal> parts = new ArrayList<>();
    for (BigInteger units : split(exact.unscaledValue())) {
      parts.add(new BigDecimal(units, exact.scale()));
    }
    return parts;
  }

  /** {@code count} split into one whole part per {@link #centres()}, in that order. */
  public long[] split(long count) {
    BigInteger[] parts = split(BigInteger.valueOf(count));
    long[] out = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = parts[i].longValueExact();
    }
    return out;
  }

  private BigInteger[] split(BigInteger units) {
    if (isEmpty()) {
      throw new IllegalStateException("no cost centre has a positive weight to split by");
    }
    boolean negative = units.signum() < 0;
    BigInteger magnitude = units.abs();
    BigInteger[] parts = new BigInteger[centres.size()];
    BigInteger[] remainders = new BigInteger[centres.size()];
    BigInteger handedOut = BigInteger.ZERO;
    for (int i = 0; i < parts.length; i++) {
      BigInteger[] qr = magnitude.multiply(weights[i]).divideAndRemainder(total);
      parts[i] = qr[0];
      remainders[i] = qr[1];
      handedOut = handedOut.add(qr[0]);
    }
    List<Integer> byLoss = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      byLoss.add(i);
    }
    // Largest remainder first; the index order is the centres' name order, so ties go by name.
    byLoss.sort(
        Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
    int leftOver = magnitude.subtract(handedOut).intValueExact();
    for (int k = 0; k < leftOver; k++) {
      int i = byLoss.get(k);
      parts[i] = parts[i].add(BigInteger.ONE);
    }
    if (negative) {
      for (int i = 0; i < parts.length; i++) {
        parts[i] = parts[i].negate();
      }
    }
    return parts;
  }
}
