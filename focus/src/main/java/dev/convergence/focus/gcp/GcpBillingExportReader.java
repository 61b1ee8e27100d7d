package dev.convergence.focus.gcp;

import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.SourceContext;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a Google Cloud billing export (standard or detailed usage cost) extracted as
 * newline-delimited JSON, plain or gzip, and streams its FOCUS 1.2 rows. The export is append-only
 * (late data and corrections arrive as new rows with a later {@code export_time}, and all of them
 * count), so rows carry a row identity ({@code x_row_identity}) rather than a snapshot id.
 */
public final class GcpBillingExportReader {

  private GcpBillingExportReader() {}

  public static ConversionStream openJsonLines(InputStream in, SourceContext context)
      throws IOException {
    return new ConversionStream(new GcpJsonLinesSource(in, context));
  }
}
