package dev.convergence.flink.parquet;

import dev.convergence.flink.types.RecordAccessors;
import dev.convergence.flink.types.RecordCodec;
import dev.convergence.focus.FocusRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Amounts in the Parquet output are {@code DECIMAL(38, 18)}: exact, wide enough for the 15
 * fractional digits providers write (AWS rates, Google Cloud list costs) and 20 integer digits. A
 * value that does not fit is not rounded: its row becomes a reject.
 */
public final class Decimals {

  public static final int PRECISION = 38;
  public static final int SCALE = 18;

  /** FocusRow's amount columns, in component order. */
  private static final List<Amount> AMOUNTS = amounts();

  /** An amount column: its output name and how to read it. */
  private record Amount(String column, Function<FocusRow, Object> value) {}

  private Decimals() {}

  /** The value at the output scale; throws if that would round or overflow. */
  public static BigDecimal toOutputScale(BigDecimal value) {
    BigDecimal scaled = value.setScale(SCALE, RoundingMode.UNNECESSARY);
    if (scaled.precision() > PRECISION) {
      throw new ArithmeticException("more than " + (PRECISION - SCALE) + " integer digits");
    }
    return scaled;
  }

  /**
   * The value when it fits the output exactly, else null: a reject's raw cost that is itself too
   * precise to write stays out of the output (its reason says why) rather than failing the job.
   */
  public static BigDecimal fittingOrNull(BigDecimal value) {
    return value == null || !fits(value) ? null : value;
  }

  /** Why a row's amounts do not fit the output's DECIMAL(38, 18), or null when they all do. */
  public static String misfit(FocusRow row) {
    for (Amount amount : AMOUNTS) {
      if (amount.value().apply(row) instanceof BigDecimal d && !fits(d)) {
        return amount.column()
            + ": "
            + d.toPlainString()
            + " does not fit DECIMAL("
            + PRECISION
            + ", "
            + SCALE
            + ") exactly";
      }
    }
    return null;
  }

  /**
   * Whether {@code value} fits the output exactly. A value of at most {@link #SCALE} fractional
   * digits fits when its integer digits do, which needs no rescaled copy; only others are tried.
   */
  static boolean fits(BigDecimal value) {
    int scale = value.scale();
    if (scale >= 0 && scale <= SCALE) {
      return value.precision() - scale <= PRECISION - SCALE;
    }
    try {
      toOutputScale(value);
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Amount> amounts() {
    RecordCodec<FocusRow> codec = new RecordCodec<>(FocusRow.class);
    Object[] accessors = RecordAccessors.of(FocusRow.class);
    List<Amount> amounts = new ArrayList<>();
    for (int i = 0; i < codec.arity(); i++) {
      if (codec.kind(i) == RecordCodec.Kind.DECIMAL) {
        amounts.add(
            new Amount(FocusColumns.NAMES.get(i), (Function<FocusRow, Object>) accessors[i]));
      }
    }
    return List.copyOf(amounts);
  }
}
