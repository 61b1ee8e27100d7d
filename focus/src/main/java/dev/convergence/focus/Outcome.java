package dev.convergence.focus;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one source record became: one or more FOCUS rows (a Google Cloud row with credits becomes
 * several), or a reject. {@code sourceCost} is the record's own cost contribution when it could be
 * read, for reconciliation.
 */
public record Outcome(List<FocusRow> rows, Reject reject) {

  public Outcome {
    rows = rows == null ? List.of() : List.copyOf(rows);
    if (rows.isEmpty() == (reject == null)) {
      throw new IllegalArgumentException("an outcome is either rows or a reject, not both or none");
    }
  }

  public static Outcome of(List<FocusRow> rows) {
    return new Outcome(rows, null);
  }

  public static Outcome rejected(Reject reject) {
    return new Outcome(List.of(), reject);
  }

  public BigDecimal billedCost() {
    return rows.stream().map(FocusRow::billedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
