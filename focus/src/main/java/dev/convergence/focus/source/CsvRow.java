package dev.convergence.focus.source;

import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * One tabular record, read by the positions a {@link CsvHeader} resolved: a CSV record, or a
 * Parquet row whose top-level columns {@link ParquetRecordSource} rendered as text.
 *
 * <p>Fields are read straight from the CSV record or the Parquet row's array, not through a list
 * view: a mapper reads some fifty fields of every record.
 */
public final class CsvRow {

  private final CsvRecord record;
  private final String[] values;
  private final long line;

  CsvRow(CsvRecord record) {
    this.record = record;
    this.values = null;
    this.line = record.getStartingLineNumber();
  }

  /** Fields in header order (null for a null value) and the record's 1-based position. */
  CsvRow(String[] values, long line) {
    this.record = null;
    this.values = values;
    this.line = line;
  }

  /** The raw field, or "" when the column is absent from this file (position -1) or null. */
  public String get(int position) {
    if (position < 0) {
      return "";
    }
    String value = record != null ? record.getField(position) : values[position];
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
