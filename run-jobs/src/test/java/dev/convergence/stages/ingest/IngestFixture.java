package dev.convergence.stages.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.convergence.adapters.embedded.store.LocalDirectoryObjectStore;
import dev.convergence.core.pipeline.DataQualitySettings;
import dev.convergence.core.pipeline.PipelineConfig;
import dev.convergence.core.pipeline.SourceFormat;
import dev.convergence.core.pipeline.StaticPipelineCatalog;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.tenant.CostAllocation;
import dev.convergence.core.tenant.Plan;
import dev.convergence.core.tenant.ProviderAccount;
import dev.convergence.core.tenant.StaticTenantRegistry;
import dev.convergence.core.tenant.Tenant;
import dev.convergence.core.tenant.TenantStatus;
import dev.convergence.stages.StageRequest;
import dev.convergence.stages.testing.Landing;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

/** A tenant with all three providers, their pipelines, and a local store to land files in. */
final class IngestFixture {

  static final BillingPeriod OCTOBER = BillingPeriod.of(2026, 10);
  static final Instant NOW = Instant.parse("2026-10-31T08:00:00Z");
  static final String AWS_ACCOUNT = "100010000000";
  static final String AZURE_ACCOUNT = "80000000";
  static final String GCP_ACCOUNT = "01A2B3-C4D5E6-000000";

  static final Tenant ACME =
      new Tenant(
          "acme_corp",
          "Acme",
          TenantStatus.ACTIVE,
          Plan.PROFESSIONAL,
          List.of(
              new ProviderAccount(Provider.AWS, List.of(AWS_ACCOUNT), "landing/acme_corp/aws/"),
              new ProviderAccount(
                  Provider.AZURE, List.of(AZURE_ACCOUNT), "landing/acme_corp/azure/"),
              new ProviderAccount(Provider.GCP, List.of(GCP_ACCOUNT), "landing/acme_corp/gcp/")),
          CostAllocation.NONE,
          List.of());

  static PipelineConfig pipeline(String name, Provider provider, SourceFormat format) {
    return new PipelineConfig(name, "", provider, format, DataQualitySettings.DEFAULT, null);
  }

  static final StaticPipelineCatalog PIPELINES =
      StaticPipelineCatalog.of(
          List.of(
              pipeline("aws-cur", Provider.AWS, SourceFormat.AWS_CUR_LEGACY_CSV),
              pipeline("aws-cur2", Provider.AWS, SourceFormat.AWS_CUR2_CSV),
              pipeline("azure-ea", Provider.AZURE, SourceFormat.AZURE_EA_CSV),
              pipeline("gcp-billing", Provider.GCP, SourceFormat.GCP_BILLING_EXPORT_JSONL),
              pipeline("gcp-table", Provider.GCP, SourceFormat.GCP_BILLING_EXPORT_TABLE)));

  final LocalDirectoryObjectStore store;
  final Landing landing;
  final RecordingExtractor extractor = new RecordingExtractor();
  final IngestStage stage;

  IngestFixture(Path dir) {
    store = new LocalDirectoryObjectStore(dir.resolve("store"));
    landing = new Landing(store.root());
    stage =
        new IngestStage(
            store,
            StaticTenantRegistry.of(List.of(ACME)),
            PIPELINES,
            extractor,
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static StageRequest request(String pipeline) {
    return StageRequest.of("2026-10-run1", "acme_corp", pipeline, OCTOBER);
  }

  static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  /** The sum of one CSV column and the record count, read independently of the FOCUS readers. */
  static BigDecimal[] csvTotal(Path file, String column) throws IOException {
    BigDecimal sum = BigDecimal.ZERO;
    long rows = 0;
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file)) {
      for (NamedCsvRecord record : csv) {
        sum = sum.add(new BigDecimal(record.getField(column)));
        rows++;
      }
    }
    return new BigDecimal[] {sum, BigDecimal.valueOf(rows)};
  }

  /** Records what it was asked to extract and writes the Parquet files it is given. */
  static final class RecordingExtractor implements BillingExportExtractor {
    final List<String> calls = new java.util.ArrayList<>();
    Runnable effect = () -> {};

    @Override
    public void extract(BillingExportTable table, BillingPeriod month, String targetPrefix) {
      calls.add(table + " " + month + " " + targetPrefix);
      effect.run();
    }
  }
}
