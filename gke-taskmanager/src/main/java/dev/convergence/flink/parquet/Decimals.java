package dev.convergence.flink.parquet;

import dev.convergence.flink.types.RecordCodec;
import dev.convergence.focus.FocusRow;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts in the Parquet output are {@code DECIMAL(38, 18)}: exact, wide enough for the 15
 * fractional digits providers write (AWS rates, Google Cloud list costs) and 20 integer digits. A
 * value that does not fit is not rounded: its row becomes a reject.
 */
public final class Decimals {

  public static final int PRECISION = 38;
  public static final int SCALE = 18;

  private static final RecordCodec<FocusRow> ROW = new RecordCodec<>(FocusRow.class);

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
    if (value == null) {
      return null;
    }
    try {
      toOutputScale(value);
      return value;
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** Why a row's amounts do not fit the output's DECIMAL(38, 18), or null when they all do. */
  public static String misfit(FocusRow row) {
    for (int i = 0; i < ROW.arity(); i++) {
      if (ROW.kind(i) == RecordCodec.Kind.DECIMAL && ROW.get(row, i) instanceof BigDecimal d) {
        try {
          toOutputScale(d);
        } catch (ArithmeticException e) {
          return FocusColumns.NAMES.get(i)
              + ": "
              + d.toPlainString()
              + " does not fit DECIMAL("
              + PRECISION
              + ", "
              + SCALE
              + ") exactly";
        }
      }
    }
    return null;
  }
}
