package dev.convergence.flink.parquet;

import dev.convergence.flink.types.RecordAccessors;
import dev.convergence.flink.types.RecordCodec;
import dev.convergence.focus.FocusRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Amounts in the Parquet output are {@code DECIMAL(38, 18)}: exact, wide enough for the 15
 * fractional digits providers write (AWS rates, Google Cloud list costs) and 20 integer digits. A
 * value that does not fit is not rounded: its row becomes a reject.
 */
public final class Decimals {

  public static final int PRECISION = 38;
  public static final int SCALE = 18;

  /** FocusRow's amount columns: the index of each in the output and its accessor. */
  private static final int[] AMOUNT_COLUMNS = amountColumns();

  private static final List<Function<FocusRow, Object>> AMOUNTS = amountAccessors();

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
    for (int a = 0; a < AMOUNT_COLUMNS.length; a++) {
      if (AMOUNTS.get(a).apply(row) instanceof BigDecimal d && !fits(d)) {
        return FocusColumns.NAMES.get(AMOUNT_COLUMNS[a])
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

  private static int[] amountColumns() {
    RecordCodec<FocusRow> codec = new RecordCodec<>(FocusRow.class);
    return IntStream.range(0, codec.arity())
        .filter(i -> codec.kind(i) == RecordCodec.Kind.DECIMAL)
        .toArray();
  }

  @SuppressWarnings("unchecked")
  private static List<Function<FocusRow, Object>> amountAccessors() {
    Object[] accessors = RecordAccessors.of(FocusRow.class);
    List<Function<FocusRow, Object>> amounts = new ArrayList<>();
    for (int i : AMOUNT_COLUMNS) {
      amounts.add((Function<FocusRow, Object>) accessors[i]);
    }
    return List.copyOf(amounts);
  }
}
