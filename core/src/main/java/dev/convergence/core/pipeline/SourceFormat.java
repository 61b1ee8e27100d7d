package dev.convergence.core.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.convergence.core.config.WireName;
import dev.convergence.core.provider.Provider;

/** The layout a pipeline reads its provider's billing data in. */
public enum SourceFormat implements WireName {
  AWS_CUR_LEGACY_CSV("aws-cur-legacy-csv", Provider.AWS),
  AWS_CUR2_CSV("aws-cur2-csv", Provider.AWS),
  AWS_CUR2_PARQUET("aws-cur2-parquet", Provider.AWS),
  GCP_BILLING_EXPORT_JSONL("gcp-billing-export-jsonl", Provider.GCP),
  GCP_BILLING_EXPORT_CSV("gcp-billing-export-csv", Provider.GCP),
  GCP_BILLING_EXPORT_TABLE("gcp-billing-export-table", Provider.GCP),
  AZURE_EA_CSV("azure-ea-csv", Provider.AZURE),
  AZURE_MCA_CSV("azure-mca-csv", Provider.AZURE);

  private final String wireName;
  private final Provider provider;

  SourceFormat(String wireName, Provider provider) {
    this.wireName = wireName;
    this.provider = provider;
  }

  public Provider provider() {
    return provider;
  }

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static SourceFormat fromWireName(String name) {
    return WireName.parse(SourceFormat.class, name, "source_format");
  }

  @Override
  public String toString() {
    return wireName;
  }
}
