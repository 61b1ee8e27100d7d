package dev.convergence.core.staging;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Source records the FOCUS readers rejected while ingest counted the source: they are not in any
 * account's total, so the check stage adds their cost back when it reconciles.
 *
 * @param rows rejected source records
 * @param rawCost the summed cost of those whose cost could be read
 * @param rowsWithoutCost those whose cost could not be read (their cost is in no total)
 */
public record IngestRejects(long rows, BigDecimal rawCost, long rowsWithoutCost) {

  public static final IngestRejects NONE = new IngestRejects(0, BigDecimal.ZERO, 0);

  public IngestRejects {
    Objects.requireNonNull(rawCost, "rawCost");
    if (rows < 0 || rowsWithoutCost < 0 || rowsWithoutCost > rows) {
      throw new IllegalArgumentException(
          "rows and rows_without_cost: must satisfy 0 <= rows_without_cost <= rows; got "
              + rows
              + " and "
              + rowsWithoutCost);
    }
  }
}
