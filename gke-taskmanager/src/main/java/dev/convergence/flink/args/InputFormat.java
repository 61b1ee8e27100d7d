package dev.convergence.flink.args;

import dev.convergence.core.config.WireName;
import dev.convergence.core.provider.Provider;
import dev.convergence.flink.parquet.FlinkInputFile;
import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.SourceContext;
import dev.convergence.focus.aws.AwsCurReader;
import dev.convergence.focus.azure.AzureCostExportReader;
import dev.convergence.focus.azure.AzureCostKind;
import dev.convergence.focus.azure.AzureLayout;
import dev.convergence.focus.gcp.GcpBillingExportReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.flink.core.fs.Path;

/**
 * The layouts the job reads, by the name an {@code --input} gives them, and the FOCUS reader for
 * each. AWS and Azure deliver month-to-date snapshots; Google Cloud extracts are append-only,
 * whether the tenant exports them (JSON lines, CSV) or ingest extracts the billing-export table
 * (Parquet).
 */
public enum InputFormat implements WireName {
  AWS_CUR("aws-cur", Provider.AWS),
  AWS_CUR_PARQUET("aws-cur-parquet", Provider.AWS),
  AZURE_EA_ACTUAL("azure-ea-actual", Provider.AZURE),
  AZURE_EA_AMORTIZED("azure-ea-amortized", Provider.AZURE),
  AZURE_MCA_ACTUAL("azure-mca-actual", Provider.AZURE),
  AZURE_MCA_AMORTIZED("azure-mca-amortized", Provider.AZURE),
  GCP_JSONL("gcp-jsonl", Provider.GCP),
  GCP_CSV("gcp-csv", Provider.GCP),
  /** The billing-export table as ingest extracts it: BigQuery's {@code EXPORT DATA} Parquet. */
  GCP_PARQUET("gcp-parquet", Provider.GCP);

  private final String wireName;
  private final Provider provider;

  InputFormat(String wireName, Provider provider) {
    this.wireName = wireName;
    this.provider = provider;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public Provider provider() {
    return provider;
  }

  /** Whether files of this layout are Parquet, read with random access rather than as a stream. */
  public boolean isParquet() {
    return this == AWS_CUR_PARQUET || this == GCP_PARQUET;
  }

  /** Whether files of this layout are JSON lines, rather than CSV or Parquet. */
  public boolean isJsonLines() {
    return this == GCP_JSONL;
  }

  /** Whether files of this layout are snapshots, resolved by the newest one. */
  public boolean snapshots() {
    return provider != Provider.GCP;
  }

  public static Optional<InputFormat> fromWireName(String name) {
    return WireName.find(InputFormat.class, name);
  }

  public static String wireNames() {
    return WireName.list(InputFormat.class);
  }

  /**
   * Opens the FOCUS conversion of one file on a Flink file system: text layouts as a stream (plain
   * or gzip, as the readers accept), Parquet with random access to its footer and row groups (a
   * Parquet file is read from its end, so it cannot be a stream).
   */
  public ConversionStream open(Path path, SourceContext context) throws IOException {
    if (this == AWS_CUR_PARQUET) {
      return AwsCurReader.openParquet(FlinkInputFile.of(path), context);
    }
    if (this == GCP_PARQUET) {
      return GcpBillingExportReader.openParquet(FlinkInputFile.of(path), context);
    }
    InputStream in = path.getFileSystem().open(path);
    try {
      return open(in, context);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * Opens the FOCUS conversion of a text layout's content (plain or gzip) as a stream; Parquet
   * layouts cannot be read this way.
   */
  public ConversionStream open(InputStream in, SourceContext context) throws IOException {
    return switch (this) {
      case AWS_CUR -> AwsCurReader.open(in, context);
      case AWS_CUR_PARQUET, GCP_PARQUET ->
          throw new IllegalStateException("Parquet is not read as a stream");
      case AZURE_EA_ACTUAL ->
          AzureCostExportReader.open(in, context, AzureLayout.EA, AzureCostKind.ACTUAL);
      case AZURE_EA_AMORTIZED ->
          AzureCostExportReader.open(in, context, AzureLayout.EA, AzureCostKind.AMORTIZED);
      case AZURE_MCA_ACTUAL ->
          AzureCostExportReader.open(in, context, AzureLayout.MCA, AzureCostKind.ACTUAL);
      case AZURE_MCA_AMORTIZED ->
          AzureCostExportReader.open(in, context, AzureLayout.MCA, AzureCostKind.AMORTIZED);
      case GCP_JSONL -> GcpBillingExportReader.openJsonLines(in, context);
      case GCP_CSV -> GcpBillingExportReader.openCsv(in, context);
    };
  }

  @Override
  public String toString() {
    return wireName;
  }
}
