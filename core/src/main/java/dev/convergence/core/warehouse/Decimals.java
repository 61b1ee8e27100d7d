package dev.convergence.core.warehouse;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts at the warehouse's scale: exact, or refused, never rounded. */
public final class Decimals {

  private Decimals() {}

  public static BigDecimal atWarehouseScale(BigDecimal value, String field) {
    try {
      return value.setScale(ColumnType.DECIMAL_SCALE, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          field
              + ": "
              + value.toPlainString()
              + " has more than "
              + ColumnType.DECIMAL_SCALE
              + " fractional digits",
          e);
    }
  }
}
