package dev.convergence.focus.source;

import de.siegmar.fastcsv.reader.CsvRecord;

/** One CSV record, read by the positions a {@link CsvHeader} resolved. */
public final class CsvRow {

  private final CsvRecord record;

  CsvRow(CsvRecord record) {
    this.record = record;
  }

  /** The raw field, or "" when the column is absent from this file (position -1). */
  public String get(int position) {
    return position < 0 ? "" : record.getField(position);
  }

  /** The trimmed field, or null when it is absent or blank. */
  public String text(int position) {
    return Fields.text(get(position));
  }

  public long line() {
    return record.getStartingLineNumber();
  }
}
