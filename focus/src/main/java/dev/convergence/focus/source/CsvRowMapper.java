package dev.convergence.focus.source;

import dev.convergence.focus.FocusRow;
import dev.convergence.focus.RowRejectedException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Maps the records of one CSV file, whose header it resolved when it was made. */
public interface CsvRowMapper {

  /** The FOCUS rows of one record, without the {@code x_} context columns. */
  List<FocusRow.Builder> map(CsvRow row) throws RowRejectedException;

  /** The record's billed cost if it can be read, else null: the cost of a reject. */
  BigDecimal rawCost(CsvRow row);

  Map<String, Long> unknownServices();
}
