package dev.convergence.flink.parquet;

import dev.convergence.focus.FocusRow;
import java.util.ArrayList;
import java.util.List;

/** The output column names of a {@link FocusRow}, in component order: FOCUS 1.2, then x_. */
public final class FocusColumns {

  public static final List<String> NAMES;

  static {
    List<String> names = new ArrayList<>(FocusRow.FOCUS_COLUMNS);
    names.addAll(FocusRow.X_COLUMNS);
    if (names.size() != FocusRow.class.getRecordComponents().length) {
      throw new IllegalStateException("FocusRow components and column lists disagree");
    }
    NAMES = List.copyOf(names);
  }

  private FocusColumns() {}
}
