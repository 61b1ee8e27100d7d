package dev.convergence.focus.source;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * A Parquet file read as a table of text: one row group at a time, and within it one row at a time,
 * each top-level column rendered as the text a CSV export of the same data would carry ({@link
 * ParquetText}). Memory is bounded by one row group. Provider exports (CUR 2.0) and the pipeline's
 * own outputs (daily aggregates read back as history) are both read this way, so every Parquet
 * value is interpreted by one set of rules.
 */
public final class ParquetTextTable implements Closeable {

  private final String name;
  private final ParquetFileReader reader;
  private final MessageColumnIO columns;
  private final ParquetTextRows rows;
  private RecordReader<String[]> group;
  private long leftInGroup;
  private long position;

  private ParquetTextTable(
      String name, ParquetFileReader reader, MessageColumnIO columns, ParquetTextRows rows) {
    this.name = name;
    this.reader = reader;
    this.columns = columns;
    this.rows = rows;
  }

  /** Opens the file and reads its footer; {@code name} is how errors name the file. */
  public static ParquetTextTable open(InputFile file, String name) throws IOException {
    ParquetFileReader reader =
        ParquetFileReader.open(
            file, ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
    try {
      MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
      ParquetTextRows rows = ParquetTextRows.forSchema(fileSchema);
      reader.setRequestedSchema(rows.projection());
      MessageColumnIO columns =
          new ColumnIOFactory(reader.getFooter().getFileMetaData().getCreatedBy())
              .getColumnIO(rows.projection(), fileSchema);
      return new ParquetTextTable(name, reader, columns, rows);
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** The readable columns' names, in file order: the header of {@link #next}'s rows. */
  public List<String> names() {
    return rows.names();
  }

  /** How many rows {@link #next} has returned: the last row's 1-based position in the file. */
  public long position() {
    return position;
  }

  /** The next row's fields (null for a null value), or null at the end of the file. */
  public String[] next() throws IOException {
    try {
      while (leftInGroup == 0) {
        PageReadStore pages = reader.readNextRowGroup();
        if (pages == null) {
          return null;
        }
        group = columns.getRecordReader(pages, rows);
        leftInGroup = pages.getRowCount();
      }
      String[] fields = group.read();
      leftInGroup--;
      position++;
      return fields;
    } catch (ParquetDecodingException e) {
      throw new IOException(name + ": unreadable Parquet at row " + (position + 1), e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
