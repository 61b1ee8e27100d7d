package dev.convergence.focus.gcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convergence.focus.Outcome;
import dev.convergence.focus.RecordSource;
import dev.convergence.focus.SourceContext;
import dev.convergence.focus.source.ParquetRowReader;
import java.io.IOException;
import java.util.Map;
import org.apache.parquet.io.InputFile;

/**
 * Reads a billing-export table extracted to Parquet, one row group at a time and within it one row
 * at a time: each row is assembled into the table row's JSON object ({@link GcpParquetRows}) and
 * converted by the same code as a JSON-lines row ({@link GcpRowConverter}), so the same export rows
 * give the same FOCUS rows and the same {@code x_row_identity} in either format. A row's {@code
 * x_source_line} is its 1-based position in the file.
 */
final class GcpParquetSource implements RecordSource {

  private final ParquetRowReader<ObjectNode> rows;
  private final GcpRowConverter converter;

  private GcpParquetSource(ParquetRowReader<ObjectNode> rows, GcpRowConverter converter) {
    this.rows = rows;
    this.converter = converter;
  }

  static GcpParquetSource open(InputFile file, SourceContext context) throws IOException {
    String name = context.sourceFile();
    ParquetRowReader<ObjectNode> rows =
        ParquetRowReader.open(
            file,
            name,
            schema -> new ParquetRowReader.Plan<>(schema, GcpParquetRows.forSchema(schema, name)));
    return new GcpParquetSource(rows, new GcpRowConverter(context));
  }

  @Override
  public Outcome next() throws IOException {
    ObjectNode row = rows.next();
    return row == null ? null : converter.convert(row, rows.position());
  }

  @Override
  public Map<String, Long> unknownServices() {
    return converter.unknownServices();
  }

  @Override
  public void close() throws IOException {
    rows.close();
  }
}
