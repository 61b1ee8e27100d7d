package dev.convergence.focus.source;

import dev.convergence.core.provider.Provider;
import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.Outcome;
import dev.convergence.focus.RecordSource;
import dev.convergence.focus.SourceContext;
import java.io.IOException;
import java.util.Map;
import org.apache.parquet.io.InputFile;

/**
 * Reads a Parquet file one row group at a time, and within it one row at a time, rendering each
 * row's top-level columns as text ({@link ParquetTextRows}) for the same mapper a CSV file of the
 * same data gets. Memory is bounded by one row group (the file's writer chose its size), not by the
 * file. A row's {@code x_source_line} is its 1-based position in the file.
 */
public final class ParquetRecordSource implements RecordSource {

  private final ParquetTextTable table;
  private final CsvRowMapper mapper;
  private final RowFinisher finisher;

  private ParquetRecordSource(ParquetTextTable table, CsvRowMapper mapper, RowFinisher finisher) {
    this.table = table;
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
    ParquetTextTable table = ParquetTextTable.open(file, context.sourceFile());
    try {
      CsvRowMapper mapper = factory.create(new CsvHeader(table.names()), context);
      return new ConversionStream(
          new ParquetRecordSource(table, mapper, new RowFinisher(context, provider)));
    } catch (IOException | RuntimeException e) {
      table.close();
      throw e;
    }
  }

  @Override
  public Outcome next() throws IOException {
    String[] fields = table.next();
    if (fields == null) {
      return null;
    }
    return finisher.convert(mapper, new CsvRow(fields, table.position()));
  }

  @Override
  public Map<String, Long> unknownServices() {
    return mapper.unknownServices();
  }

  @Override
  public void close() throws IOException {
    table.close();
  }
}
