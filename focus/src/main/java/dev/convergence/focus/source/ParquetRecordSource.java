package dev.convergence.focus.source;

import dev.convergence.core.provider.Provider;
import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.Outcome;
import dev.convergence.focus.RecordSource;
import dev.convergence.focus.SourceContext;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
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
 * Reads a Parquet file one row group at a time, and within it one row at a time, rendering each
 * row's top-level columns as text ({@link ParquetTextRows}) for the same mapper a CSV file of the
 * same data gets. Memory is bounded by one row group (the file's writer chose its size), not by the
 * file. A row's {@code x_source_line} is its 1-based position in the file.
 */
public final class ParquetRecordSource implements RecordSource {

  private final ParquetFileReader reader;
  private final MessageColumnIO columns;
  private final ParquetTextRows rows;
  private final CsvRowMapper mapper;
  private final RowFinisher finisher;
  private RecordReader<String[]> group;
  private long leftInGroup;
  private long position;

  private ParquetRecordSource(
      ParquetFileReader reader,
      MessageColumnIO columns,
      ParquetTextRows rows,
      CsvRowMapper mapper,
      RowFinisher finisher) {
    this.reader = reader;
    this.columns = columns;
    this.rows = rows;
    this.mapper = mapper;
    this.finisher = finisher;
  }

  /** Opens the file and reads its footer; the mapper factory checks the columns it needs. */
  public static ConversionStream open(
      InputFile file,
      SourceContext context,
      Provider provider,
      CsvRecordSource.MapperFactory factory)
      throws IOException {
    ParquetFileReader reader =
        ParquetFileReader.open(
            file, ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
    try {
      MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
      ParquetTextRows rows = ParquetTextRows.forSchema(fileSchema);
      reader.setRequestedSchema(rows.projection());
      CsvRowMapper mapper = factory.create(new CsvHeader(rows.names()), context);
      MessageColumnIO columns =
          new ColumnIOFactory(reader.getFooter().getFileMetaData().getCreatedBy())
              .getColumnIO(rows.projection(), fileSchema);
      return new ConversionStream(
          new ParquetRecordSource(
              reader, columns, rows, mapper, new RowFinisher(context, provider)));
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  @Override
  public Outcome next() throws IOException {
    String[] fields;
    try {
      while (leftInGroup == 0) {
        PageReadStore pages = reader.readNextRowGroup();
        if (pages == null) {
          return null;
        }
        group = columns.getRecordReader(pages, rows);
        leftInGroup = pages.getRowCount();
      }
      fields = group.read();
      leftInGroup--;
      position++;
    } catch (ParquetDecodingException e) {
      throw new IOException(
          finisher.context().sourceFile() + ": unreadable Parquet at row " + (position + 1), e);
    }
    return finisher.convert(mapper, new CsvRow(Arrays.asList(fields), position));
  }

  @Override
  public Map<String, Long> unknownServices() {
    return mapper.unknownServices();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
