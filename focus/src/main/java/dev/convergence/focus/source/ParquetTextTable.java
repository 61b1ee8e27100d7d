package dev.convergence.focus.source;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.schema.Type;

/**
 * A Parquet file read as a table of text: one row group at a time, and within it one row at a time
 * ({@link ParquetRowReader}), each top-level column rendered as the text a CSV export of the same
 * data would carry ({@link ParquetText}). Memory is bounded by one row group. Provider exports (CUR
 * 2.0) and the pipeline's own outputs (daily aggregates read back as history) are both read this
 * way, so every Parquet value is interpreted by one set of rules.
 */
public final class ParquetTextTable implements Closeable {

  private final ParquetRowReader<String[]> rows;
  private final List<String> names;

  private ParquetTextTable(ParquetRowReader<String[]> rows, List<String> names) {
    this.rows = rows;
    this.names = names;
  }

  /** Opens the file and reads its footer; {@code name} is how errors name the file. */
  public static ParquetTextTable open(InputFile file, String name) throws IOException {
    ParquetRowReader<String[]> rows =
        ParquetRowReader.open(
            file,
            name,
            schema -> {
              ParquetTextRows text = ParquetTextRows.forSchema(schema);
              return new ParquetRowReader.Plan<>(text.projection(), text);
            });
    return new ParquetTextTable(
        rows, rows.projection().getFields().stream().map(Type::getName).toList());
  }

  /** The readable columns' names, in file order: the header of {@link #next}'s rows. */
  public List<String> names() {
    return names;
  }

  /** How many rows {@link #next} has returned: the last row's 1-based position in the file. */
  public long position() {
    return rows.position();
  }

  /** The next row's fields (null for a null value), or null at the end of the file. */
  public String[] next() throws IOException {
    return rows.next();
  }

  @Override
  public void close() throws IOException {
    rows.close();
  }
}
