package dev.convergence.focus.source;

import java.io.Closeable;
import java.io.IOException;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/**
 * Reads a Parquet file one row group at a time, and within it one row at a time, assembling each
 * row with a materializer chosen from the file's schema. Memory is bounded by one row group (the
 * writer chose its size), never by the file, which is what lets the readers handle exports of any
 * size. Every Parquet reader in this module goes through this one loop, so a file is opened, read
 * and reported on in one way: a row that cannot be decoded is an {@link IOException} naming the
 * file and the row.
 *
 * @param <T> what one row becomes
 */
public final class ParquetRowReader<T> implements Closeable {

  /** The columns to read and how a row of them is assembled. */
  public record Plan<T>(MessageType projection, RecordMaterializer<T> materializer) {}

  /** Chooses the plan from the file's schema; may refuse a file that lacks what it needs. */
  @FunctionalInterface
  public interface Planner<T> {
    Plan<T> plan(MessageType fileSchema) throws IOException;
  }

  private final String name;
  private final ParquetFileReader reader;
  private final MessageColumnIO columns;
  private final Plan<T> plan;
  private RecordReader<T> group;
  private long leftInGroup;
  private long position;

  private ParquetRowReader(
      String name, ParquetFileReader reader, MessageColumnIO columns, Plan<T> plan) {
    this.name = name;
    this.reader = reader;
    this.columns = columns;
    this.plan = plan;
  }

  /** Opens the file and reads its footer; {@code name} is how errors name the file. */
  public static <T> ParquetRowReader<T> open(InputFile file, String name, Planner<T> planner)
      throws IOException {
    ParquetFileReader reader =
        ParquetFileReader.open(
            file, ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
    try {
      MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
      Plan<T> plan = planner.plan(fileSchema);
      reader.setRequestedSchema(plan.projection());
      MessageColumnIO columns =
          new ColumnIOFactory(reader.getFooter().getFileMetaData().getCreatedBy())
              .getColumnIO(plan.projection(), fileSchema);
      return new ParquetRowReader<>(name, reader, columns, plan);
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** The columns read, as the plan chose them. */
  public MessageType projection() {
    return plan.projection();
  }

  /** How many rows {@link #next} has returned: the last row's 1-based position in the file. */
  public long position() {
    return position;
  }

  /** The next row, or null at the end of the file. */
  public T next() throws IOException {
    try {
      while (leftInGroup == 0) {
        PageReadStore pages = reader.readNextRowGroup();
        if (pages == null) {
          return null;
        }
        group = columns.getRecordReader(pages, plan.materializer());
        leftInGroup = pages.getRowCount();
      }
      T row = group.read();
      leftInGroup--;
      position++;
      return row;
    } catch (ParquetDecodingException e) {
      throw new IOException(name + ": unreadable Parquet at row " + (position + 1), e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
