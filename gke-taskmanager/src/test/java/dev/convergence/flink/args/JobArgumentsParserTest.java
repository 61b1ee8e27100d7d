package dev.convergence.flink.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.core.pipeline.AnomalySettings;
import dev.convergence.core.pipeline.ProcessingRules;
import dev.convergence.core.tenant.AllocationRule;
import dev.convergence.core.tenant.CostAllocation;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobArgumentsParserTest {

  @TempDir Path dir;

  private static final String[] MINIMAL = {
    "--run-id", "acme_corp-2026-10-1",
    "--tenant", "acme_corp",
    "--input", "aws-cur@2026-10-20T06:00:00Z=/landing/snapshot-2/cur.csv",
    "--output", "/staging/run-1"
  };

  @Test
  void readsEveryArgument() throws Exception {
    Path rules = dir.resolve("rules.json");
    Files.writeString(
        rules,
        """
        {"allocation": {"rules": [{"cost_centre": "platform", "tag_key": "team",
                                   "tag_values": ["infra"]}],
                        "shared_charge_categories": ["Tax"]},
         "anomaly": {"baseline_days": 21, "threshold": 4}}
        """);
    JobArguments args =
        JobArgumentsParser.parse(
            "--run-id", "r1",
            "--tenant", "acme_corp",
            "--input", "aws-cur@2026-10-10T06:00:00+02:00=/l/s1/cur.csv",
            "--input", "azure-ea-actual@2026-10-11T00:00:00Z=/l/az.csv",
            "--input", "gcp-jsonl=gs://b/gcp/extract-1.jsonl",
            "--output", "gs://staging/acme_corp/r1",
            "--state-backend", "heap",
            "--runtime-mode", "batch",
            "--parallelism", "4",
            "--checkpoint-interval", "500ms",
            "--checkpoint-dir", "gs://checkpoints/acme_corp",
            "--rules", rules.toString(),
            "--history", "gs://staging/acme_corp/r0/output/daily",
            "--history", "/h/daily-2026-09.parquet");

    assertThat(args)
        .isEqualTo(
            new JobArguments(
                "r1",
                "acme_corp",
                List.of(
                    InputFile.snapshot(
                        InputFormat.AWS_CUR, "2026-10-10T04:00:00Z", "/l/s1/cur.csv"),
                    InputFile.snapshot(
                        InputFormat.AZURE_EA_ACTUAL, "2026-10-11T00:00:00Z", "/l/az.csv"),
                    InputFile.appendOnly(InputFormat.GCP_JSONL, "gs://b/gcp/extract-1.jsonl")),
                List.of("gs://staging/acme_corp/r0/output/daily", "/h/daily-2026-09.parquet"),
                "gs://staging/acme_corp/r1",
                new ProcessingRules(
                    new CostAllocation(
                        List.of(new AllocationRule("platform", "team", List.of("infra"))),
                        List.of("Tax"),
                        List.of()),
                    new AnomalySettings(21, new BigDecimal("4"), new BigDecimal("1.00"))),
                StateBackendKind.HEAP,
                RuntimeModeKind.BATCH,
                4,
                Duration.ofMillis(500),
                "gs://checkpoints/acme_corp"));
  }

  @Test
  void defaultsToRocksDbStreamingTwoWaysEveryThirtySeconds() throws JobArgumentsException {
    JobArguments args = JobArgumentsParser.parse(MINIMAL);

    assertThat(args.stateBackend()).isEqualTo(StateBackendKind.ROCKSDB);
    assertThat(args.runtimeMode()).isEqualTo(RuntimeModeKind.STREAMING);
    assertThat(args.parallelism()).isEqualTo(2);
    assertThat(args.checkpointInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(args.rules()).isEqualTo(ProcessingRules.DEFAULT);
    assertThat(args.history()).isEmpty();
  }

  @Test
  void reportsUnreadableOrInvalidRulesAndRepeatedHistory() throws Exception {
    Path bad = dir.resolve("bad-rules.json");
    Files.writeString(bad, "{\"anomaly\": {\"baseline_days\": 3}}");
    List<String> args = new ArrayList<>(List.of(MINIMAL));
    args.addAll(List.of("--rules", bad.toString(), "--history", "/h/a", "--history", "/h/a"));
    List<String> missing = new ArrayList<>(List.of(MINIMAL));
    missing.addAll(List.of("--rules", dir.resolve("absent.json").toString()));

    assertThatThrownBy(() -> JobArgumentsParser.parse(args.toArray(String[]::new)))
        .isInstanceOf(JobArgumentsException.class)
        .hasMessage(
            "--rules: "
                + bad
                + ":1:14: anomaly.baseline_days: must be between 7 and 90; got 3\n"
                + "--history '/h/a': is already given");
    assertThatThrownBy(() -> JobArgumentsParser.parse(missing.toArray(String[]::new)))
        .isInstanceOf(JobArgumentsException.class)
        .hasMessageStartingWith("--rules: cannot read " + dir.resolve("absent.json") + ": ");
  }

  @Test
  void listsEveryMissingArgument() {
    assertThatThrownBy(() -> JobArgumentsParser.parse())
        .isInstanceOf(JobArgumentsException.class)
        .hasMessage(
            "--run-id: is required\n"
                + "--tenant: is required\n"
                + "--input: at least one is required (or --manifest)\n"
                + "--output: is required")
        .extracting(e -> ((JobArgumentsException) e).reason())
        .isEqualTo("INVALID_JOB_ARGUMENTS");
  }

  @Test
  void explainsEachBadValue() {
    assertThatThrownBy(
            () ->
                JobArgumentsParser.parse(
                    "--run-id", "run 1",
                    "--tenant", "Acme",
                    "--input", "nonsense",
                    "--input", "aws-cur=/a.csv",
                    "--input", "gcp-jsonl@2026-10-01T00:00:00Z=/g.jsonl",
                    "--input", "aws-cur@yesterday=/b.csv",
                    "--input", "oracle-oci=/c.csv",
                    "--input", "gcp-csv=/d.csv",
                    "--input", "gcp-csv=/d.csv",
                    "--output", "/out",
                    "--state-backend", "memory",
                    "--runtime-mode", "micro-batch",
                    "--parallelism", "0",
                    "--checkpoint-interval", "soon"))
        .isInstanceOf(JobArgumentsException.class)
        .hasMessage(
            String.join(
                "\n",
                "--run-id: 'run 1' is not a run id: 1 to 128 characters of A-Z a-z 0-9 . _ : -",
                "--tenant: 'Acme' is not a tenant id: 3 to 50 characters of a-z 0-9 _",
                "--input 'nonsense': expected FORMAT[@DELIVERED_AT]=PATH",
                "--input 'aws-cur=/a.csv': aws-cur files are snapshots: name the delivery, as"
                    + " aws-cur@2026-10-05T06:00:00Z=PATH",
                "--input 'gcp-jsonl@2026-10-01T00:00:00Z=/g.jsonl': gcp-jsonl extracts are"
                    + " append-only and take no @DELIVERED_AT",
                "--input 'aws-cur@yesterday=/b.csv': 'yesterday' is not an ISO-8601 UTC instant"
                    + " such as 2026-10-05T06:00:00Z",
                "--input 'oracle-oci=/c.csv': unknown format 'oracle-oci'; known formats: aws-cur,"
                    + " aws-cur-parquet, azure-ea-actual, azure-ea-amortized, azure-mca-actual,"
                    + " azure-mca-amortized, gcp-jsonl, gcp-csv, gcp-parquet",
                "--input 'gcp-csv=/d.csv': the file is already given",
                "--state-backend: 'memory' is not one of heap, rocksdb",
                "--runtime-mode: 'micro-batch' is not one of streaming, batch",
                "--parallelism: '0' is not a whole number from 1 to 512",
                "--checkpoint-interval: 'soon' is not a duration such as 30s, 500ms or 2min"));
  }

  @Test
  void refusesATooShortCheckpointInterval() {
    String[] args = append(MINIMAL, "--checkpoint-interval", "1ms");

    assertThatThrownBy(() -> JobArgumentsParser.parse(args))
        .hasMessage("--checkpoint-interval: must be at least 10ms; got 1ms");
  }

  @Test
  void reportsAnUnknownOptionInPicocliWords() {
    String[] args = append(MINIMAL, "--paralellism", "2");

    assertThatThrownBy(() -> JobArgumentsParser.parse(args))
        .isInstanceOf(JobArgumentsException.class)
        .hasMessage("Unknown options: '--paralellism', '2'");
  }

  private static String[] append(String[] base, String... more) {
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  private Path writeManifest(String format, String snapshot) throws Exception {
    Path manifest = dir.resolve("staging/acme_corp/acme_corp-2026-10-1/manifest.json");
    Files.createDirectories(manifest.getParent());
    String sha = "0".repeat(64);
    String snap = snapshot == null ? "null" : "\"" + snapshot + "\"";
    Files.writeString(
        manifest,
        """
        {"run_id": "acme_corp-2026-10-1", "tenant_id": "acme_corp", "provider": "aws",
         "pipeline": "aws-cur", "source_format": "%s", "billing_period": "2026-10",
         "snapshot": {"id": "2026-10-30T06:01:01Z", "delivery_id": "a3", "superseded": []},
         "objects": [
           {"key": "landing/acme_corp/aws/a3/cur-2.csv", "format": "%s", "size": 10,
            "sha256": "%s", "rows": 1, "snapshot_id": %s},
           {"key": "landing/acme_corp/aws/a3/cur-1.csv", "format": "%s", "size": 10,
            "sha256": "%s", "rows": 1, "snapshot_id": %s}],
         "source_totals": [], "created_at": "2026-10-31T08:00:00Z"}
        """
            .formatted(format, format, sha, snap, format, sha, snap));
    return manifest;
  }

  @Test
  void takesTheInputsFromTheRunsManifestUnderTheStoreItIsIn() throws Exception {
    Path manifest = writeManifest("aws-cur2-parquet", "2026-10-30T06:01:01Z");
    String[] args = {
      "--run-id", "acme_corp-2026-10-1",
      "--tenant", "acme_corp",
      "--manifest", manifest.toString(),
      "--output", "/staging/run-1"
    };

    assertThat(JobArgumentsParser.parse(args).inputs())
        .containsExactly(
            InputFile.snapshot(
                InputFormat.AWS_CUR_PARQUET,
                "2026-10-30T06:01:01Z",
                dir + "/landing/acme_corp/aws/a3/cur-1.csv"),
            InputFile.snapshot(
                InputFormat.AWS_CUR_PARQUET,
                "2026-10-30T06:01:01Z",
                dir + "/landing/acme_corp/aws/a3/cur-2.csv"));
    String[] elsewhere = append(args, "--source-root", "gs://acme-landing");
    assertThat(JobArgumentsParser.parse(elsewhere).inputs())
        .extracting(InputFile::uri)
        .containsExactly(
            "gs://acme-landing/landing/acme_corp/aws/a3/cur-1.csv",
            "gs://acme-landing/landing/acme_corp/aws/a3/cur-2.csv");
  }

  @Test
  void refusesAManifestOfAnotherRunOrBesideInputs() throws Exception {
    Path manifest = writeManifest("aws-cur-legacy-csv", "2026-10-30T06:01:01Z");

    assertThatThrownBy(
            () ->
                JobArgumentsParser.parse(
                    "--run-id", "other-run",
                    "--tenant", "acme_corp",
                    "--manifest", manifest.toString(),
                    "--output", "/o"))
        .hasMessage("--manifest: is run acme_corp-2026-10-1's, not other-run's");
    assertThatThrownBy(
            () -> JobArgumentsParser.parse(append(MINIMAL, "--manifest", manifest.toString())))
        .hasMessage("--manifest: give the inputs either by --manifest or by --input, not both");
    assertThatThrownBy(
            () ->
                JobArgumentsParser.parse(
                    "--run-id", "r",
                    "--tenant", "acme_corp",
                    "--manifest", dir.resolve("none.json").toString(),
                    "--output", "/o"))
        .hasMessageStartingWith("--manifest: cannot read " + dir.resolve("none.json") + ": ");
  }
}
