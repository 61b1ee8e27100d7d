package dev.convergence.focus.source;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.List;

/**
 * One tabular record, read by the positions a {@link CsvHeader} resolved: a CSV record, or a
 * Parquet row whose top-level columns {@link ParquetRecordSource} rendered as text.
 */
public final class CsvRow {

  private final List<String> fields;
  private final long line;

  CsvRow(CsvRecord record) {
    this(record.getFields(), record.getStartingLineNumber());
  }

  /** Fields in header order (null for a null value) and the record's 1-based position. */
  CsvRow(List<String> fields, long line) {
    this.fields = fields;
    this.line = line;
  }

  /** The raw field, or "" when the column is absent from this file (position -1) or null. */
  public String get(int position) {
    if (position < 0) {
      return "";
    }
    String value = fields.get(position);
    return value == null ? "" : value;
  }

  /** The trimmed field, or null when it is absent or blank. */
  public String text(int position) {
    return Fields.text(get(position));
  }

  public long line() {
    return line;
  }
}
