package dev.convergence.focus.azure;

import dev.convergence.core.provider.Provider;
import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.SourceContext;
import dev.convergence.focus.source.CsvRecordSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads an Azure cost export CSV file (EA or MCA, actual or amortized; plain or gzip) and streams
 * its FOCUS 1.2 rows. Each export run is a complete month-to-date snapshot: pass the run's id as
 * the context's snapshot id.
 */
public final class AzureCostExportReader {

  private AzureCostExportReader() {}

  /**
   * Opens the file and checks its header.
   *
   * @throws dev.convergence.focus.MissingColumnsException naming every required column missing
   */
  public static ConversionStream open(
      InputStream in, SourceContext context, AzureLayout layout, AzureCostKind kind)
      throws IOException {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(kind, "kind");
    return CsvRecordSource.open(
        in,
        context,
        Provider.AZURE,
        (header, ctx) -> AzureCostMapper.forHeader(header, ctx.sourceFile(), layout, kind));
  }
}
