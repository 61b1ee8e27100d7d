package dev.convergence.focus.aws;

import dev.convergence.core.provider.Provider;
import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.SourceContext;
import dev.convergence.focus.source.CsvRecordSource;
import dev.convergence.focus.source.ParquetRecordSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;

/**
 * Reads an AWS Cost and Usage Report CSV file, legacy layout ({@code lineItem/UnblendedCost}, …) or
 * CUR 2.0 / Data Exports layout ({@code line_item_unblended_cost}, …), plain or gzip, and streams
 * its FOCUS 1.2 rows. Each report delivery is a complete month-to-date snapshot: pass its assembly
 * id (or delivery time) as the context's snapshot id.
 */
public final class AwsCurReader {

  private AwsCurReader() {}

  /**
   * Opens the file and checks its header.
   *
   * @throws dev.convergence.focus.MissingColumnsException naming every required column missing
   */
  public static ConversionStream open(InputStream in, SourceContext context) throws IOException {
    return CsvRecordSource.open(
        in,
        context,
        Provider.AWS,
        (header, ctx) -> AwsCurMapper.forHeader(header, ctx.sourceFile(), "AWS CUR"));
  }

  /**
   * Opens a CUR 2.0 / Data Exports Parquet file (or a legacy CUR Parquet file whose columns use the
   * same snake_case names) and checks its columns. Rows are read a row group at a time and mapped
   * exactly as the CSV layout is: {@code resource_tags} and the other MAP columns become the JSON
   * objects the CSV export carries.
   *
   * @throws dev.convergence.focus.MissingColumnsException naming every required column missing
   */
  public static ConversionStream openParquet(InputFile file, SourceContext context)
      throws IOException {
    return ParquetRecordSource.open(
        file,
        context,
        Provider.AWS,
        (header, ctx) -> AwsCurMapper.forHeader(header, ctx.sourceFile(), "AWS CUR Parquet"));
  }

  /** {@link #openParquet(InputFile, SourceContext)} for a local file. */
  public static ConversionStream openParquet(Path file, SourceContext context) throws IOException {
    return openParquet(new LocalInputFile(file), context);
  }
}
