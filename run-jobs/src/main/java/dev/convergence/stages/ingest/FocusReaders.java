package dev.convergence.stages.ingest;

import dev.convergence.core.pipeline.SourceFormat;
import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.SourceContext;
import dev.convergence.focus.aws.AwsCurReader;
import dev.convergence.focus.azure.AzureCostExportReader;
import dev.convergence.focus.azure.AzureCostKind;
import dev.convergence.focus.azure.AzureLayout;
import dev.convergence.focus.gcp.GcpBillingExportReader;
import dev.convergence.focus.source.Inputs;
import dev.convergence.stages.BytesInputFile;
import dev.convergence.stages.StageError;
import dev.convergence.stages.StageException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The FOCUS reader for each source format: the same readers, with the same options, as the
 * processing job uses, so the totals ingest counts are the totals the job will convert. Azure
 * exports are read as actual cost (BilledCost is what is invoiced). The billing-export table's
 * Parquet extract is read by focus's Parquet reader, as the job reads it, not rebuilt as JSON here:
 * one conversion of Parquet values, so ingest's totals and the job's cannot drift apart.
 */
final class FocusReaders {

  private FocusReaders() {}

  static ConversionStream open(SourceFormat format, byte[] content, SourceContext context)
      throws IOException {
    return switch (format) {
      case AWS_CUR_LEGACY_CSV, AWS_CUR2_CSV -> {
        requireHeaderStyle(format, content, context.sourceFile());
        yield AwsCurReader.open(new ByteArrayInputStream(content), context);
      }
      case AWS_CUR2_PARQUET -> AwsCurReader.openParquet(new BytesInputFile(content), context);
      case AZURE_EA_CSV ->
          AzureCostExportReader.open(
              new ByteArrayInputStream(content), context, AzureLayout.EA, AzureCostKind.ACTUAL);
      case AZURE_MCA_CSV ->
          AzureCostExportReader.open(
              new ByteArrayInputStream(content), context, AzureLayout.MCA, AzureCostKind.ACTUAL);
      case GCP_BILLING_EXPORT_JSONL ->
          GcpBillingExportReader.openJsonLines(new ByteArrayInputStream(content), context);
      case GCP_BILLING_EXPORT_CSV ->
          GcpBillingExportReader.openCsv(new ByteArrayInputStream(content), context);
      case GCP_BILLING_EXPORT_TABLE ->
          GcpBillingExportReader.openParquet(new BytesInputFile(content), context);
    };
  }

  /**
   * The AWS reader accepts both CUR column styles; a pipeline names one, and a file of the other
   * style means the tenant's report is not what the pipeline was set up for.
   */
  private static void requireHeaderStyle(SourceFormat format, byte[] content, String file)
      throws IOException {
    String header;
    try (InputStream in = Inputs.decompressed(new ByteArrayInputStream(content));
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      header = reader.readLine();
    }
    if (header == null) {
      return;
    }
    String expected =
        format == SourceFormat.AWS_CUR_LEGACY_CSV
            ? "lineItem/UnblendedCost"
            : "line_item_unblended_cost";
    if (!header.contains(expected)) {
      throw new StageException(
          StageError.UNKNOWN_LAYOUT,
          file
              + ": header does not match the "
              + format
              + " layout; expected a "
              + expected
              + " column");
    }
  }
}
