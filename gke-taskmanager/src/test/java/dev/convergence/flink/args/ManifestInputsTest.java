package dev.convergence.flink.args;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convergence.core.pipeline.SourceFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which layout the job reads a run's objects in, by the manifest's source format. */
class ManifestInputsTest {

  @TempDir Path dir;

  @Test
  void theBillingExportTablesExtractIsReadAsGoogleCloudParquet() throws Exception {
    Path manifest = dir.resolve("staging/acme_corp/acme_corp-2026-10-1/manifest.json");
    Files.createDirectories(manifest.getParent());
    String sha = "0".repeat(64);
    Files.writeString(
        manifest,
        """
        {"run_id": "acme_corp-2026-10-1", "tenant_id": "acme_corp", "provider": "gcp",
         "pipeline": "gcp-table", "source_format": "gcp-billing-export-table",
         "billing_period": "2026-10", "snapshot": null,
         "objects": [
           {"key": "staging/acme_corp/acme_corp-2026-10-1/extract/000000000001.parquet",
            "format": "gcp-billing-export-table", "size": 10, "sha256": "%s", "rows": 1,
            "snapshot_id": null},
           {"key": "staging/acme_corp/acme_corp-2026-10-1/extract/000000000000.parquet",
            "format": "gcp-billing-export-table", "size": 10, "sha256": "%s", "rows": 1,
            "snapshot_id": null}],
         "source_totals": [], "created_at": "2026-10-31T08:00:00Z"}
        """
            .formatted(sha, sha));

    JobArguments arguments =
        JobArgumentsParser.parse(
            "--run-id", "acme_corp-2026-10-1",
            "--tenant", "acme_corp",
            "--manifest", manifest.toString(),
            "--output", "/staging/run-1");

    String extract = dir + "/staging/acme_corp/acme_corp-2026-10-1/extract/";
    assertThat(arguments.inputs())
        .containsExactly(
            InputFile.appendOnly(InputFormat.GCP_PARQUET, extract + "000000000000.parquet"),
            InputFile.appendOnly(InputFormat.GCP_PARQUET, extract + "000000000001.parquet"));
  }

  @Test
  void everySourceFormatHasALayoutOfItsProvider() {
    for (SourceFormat format : SourceFormat.values()) {
      assertThat(ManifestInputs.of(format)).as(format.wireName()).isNotNull();
      assertThat(ManifestInputs.of(format).provider()).isEqualTo(format.provider());
    }
    assertThat(ManifestInputs.of(SourceFormat.GCP_BILLING_EXPORT_TABLE))
        .isEqualTo(InputFormat.GCP_PARQUET);
    assertThat(InputFormat.GCP_PARQUET.snapshots()).isFalse();
    assertThat(InputFormat.fromWireName("gcp-parquet")).contains(InputFormat.GCP_PARQUET);
  }
}
