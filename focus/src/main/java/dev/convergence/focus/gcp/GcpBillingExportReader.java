package dev.convergence.focus.gcp;

import dev.convergence.core.provider.Provider;
import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.SourceContext;
import dev.convergence.focus.source.CsvRecordSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;

/**
 * Reads a Google Cloud billing export (standard or detailed usage cost) extracted as
 * newline-delimited JSON, CSV or Parquet, and streams its FOCUS 1.2 rows. The export is append-only
 * (late data and corrections arrive as new rows with a later {@code export_time}, and all of them
 * count), so rows carry a row identity ({@code x_row_identity}) rather than a snapshot id. Both
 * formats share one mapping and one identity: the same export row read from any of them gives the
 * same FOCUS rows.
 */
public final class GcpBillingExportReader {

  private GcpBillingExportReader() {}

  public static ConversionStream openJsonLines(InputStream in, SourceContext context)
      throws IOException {
    return new ConversionStream(new GcpJsonLinesSource(in, context));
  }

  /**
   * Opens a billing export saved as CSV (plain or gzip), the flattened layout {@code
   * focus/README.md} documents: dotted or underscored column names for RECORD fields, repeated
   * fields as JSON text.
   *
   * @throws dev.convergence.focus.MissingColumnsException naming every required column missing
   */
  public static ConversionStream openCsv(InputStream in, SourceContext context) throws IOException {
    return CsvRecordSource.open(
        in,
        context,
        Provider.GCP,
        (header, ctx) -> new GcpCsvRowMapper(GcpCsvLayout.of(header, ctx.sourceFile())));
  }

  /**
   * Opens the billing-export table as BigQuery's {@code EXPORT DATA … format='PARQUET'} writes it
   * (what ingest extracts for a table source): RECORD fields as groups, REPEATED ones as lists,
   * TIMESTAMP as microseconds, NUMERIC as DECIMAL(38,9), FLOAT64 as DOUBLE. The file is read one
   * row group at a time with random access to its footer; each row is rebuilt as the table's JSON
   * row and mapped like a JSON-lines row, so it gives the same FOCUS rows and identities.
   *
   * @throws dev.convergence.focus.MissingColumnsException naming every required column missing
   */
  public static ConversionStream openParquet(InputFile file, SourceContext context)
      throws IOException {
    return new ConversionStream(GcpParquetSource.open(file, context));
  }

  /** {@link #openParquet(InputFile, SourceContext)} for a local file. */
  public static ConversionStream openParquet(Path file, SourceContext context) throws IOException {
    return openParquet(new LocalInputFile(file), context);
  }
}
