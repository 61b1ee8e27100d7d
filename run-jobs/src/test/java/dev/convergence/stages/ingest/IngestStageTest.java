package dev.convergence.stages.ingest;

import static dev.convergence.stages.ingest.IngestFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.core.pipeline.ProcessingRules;
import dev.convergence.core.pipeline.SourceFormat;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.staging.IngestRejects;
import dev.convergence.core.staging.ManifestObject;
import dev.convergence.core.staging.RunManifest;
import dev.convergence.core.staging.SnapshotSelection;
import dev.convergence.core.staging.SourceTotal;
import dev.convergence.core.staging.StagingJson;
import dev.convergence.core.staging.SupersededSnapshot;
import dev.convergence.focus.synth.GeneratorSettings;
import dev.convergence.focus.synth.SyntheticBillingGenerator;
import dev.convergence.stages.StageError;
import dev.convergence.stages.StageException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestStageTest {

  private static final String CUR = "landing/acme_corp/aws/cur/acme-cur/20261001-20261101/";

  @TempDir Path dir;
  IngestFixture f;

  @BeforeEach
  void setUp() {
    f = new IngestFixture(dir);
  }

  private List<Path> generate(Provider provider, int deliveries) throws Exception {
    return SyntheticBillingGenerator.generate(
        new GeneratorSettings(
            provider, OCTOBER, 300, 7, deliveries, 2, dir.resolve("gen-" + provider)));
  }

  private static Instant day(int d) {
    return Instant.parse(String.format("2026-10-%02dT06:00:00Z", d));
  }

  /** Lands AWS delivery k as AWS writes it: data, then the assembly's manifest. */
  private void landAws(Path file, String assembly, Instant at, boolean current) {
    String data = CUR + assembly + "/acme-cur-1.csv";
    f.landing.copy(file, data, at);
    String manifest =
        """
        {"assemblyId":"%s","account":"100010000000","reportName":"acme-cur",
         "billingPeriod":{"start":"20261001T000000.000Z","end":"20261101T000000.000Z"},
         "bucket":"acme-billing","compression":"GZIP","contentType":"text/csv",
         "reportKeys":["cur/acme-cur/20261001-20261101/%s/acme-cur-1.csv"]}
        """
            .formatted(assembly, assembly);
    f.landing.put(CUR + assembly + "/acme-cur-Manifest.json", manifest, at.plusSeconds(60));
    if (current) {
      f.landing.put(CUR + "acme-cur-Manifest.json", manifest, at.plusSeconds(61));
    }
  }

  @Test
  void awsReadsTheAssemblyTheReportManifestNamesAndListsOlderOnesAsSuperseded() throws Exception {
    List<Path> snapshots = generate(Provider.AWS, 3);
    landAws(snapshots.get(0), "a1", day(10), false);
    landAws(snapshots.get(1), "a2", day(20), false);
    landAws(snapshots.get(2), "a3", day(30), true);

    RunManifest manifest = f.stage.run(request("aws-cur"));

    byte[] newest = Files.readAllBytes(snapshots.get(2));
    BigDecimal[] expected = csvTotal(snapshots.get(2), "lineItem/UnblendedCost");
    String chosen = "2026-10-30T06:01:01Z";
    assertThat(manifest)
        .isEqualTo(
            new RunManifest(
                "2026-10-run1",
                "acme_corp",
                Provider.AWS,
                "aws-cur",
                SourceFormat.AWS_CUR_LEGACY_CSV,
                OCTOBER,
                new SnapshotSelection(
                    chosen,
                    "a3",
                    List.of(
                        new SupersededSnapshot(
                            "2026-10-10T06:01:00Z", "a1", List.of(CUR + "a1/acme-cur-1.csv")),
                        new SupersededSnapshot(
                            "2026-10-20T06:01:00Z", "a2", List.of(CUR + "a2/acme-cur-1.csv")))),
                List.of(
                    new ManifestObject(
                        CUR + "a3/acme-cur-1.csv",
                        SourceFormat.AWS_CUR_LEGACY_CSV,
                        newest.length,
                        sha256(newest),
                        300,
                        chosen)),
                List.of(new SourceTotal(AWS_ACCOUNT, "USD", 300, expected[0])),
                IngestRejects.NONE,
                NOW));
    assertThat(expected[1]).isEqualByComparingTo("300");
    assertThat(f.store.read("staging/acme_corp/2026-10-run1/rules.json"))
        .get()
        .satisfies(
            o ->
                assertThat(ProcessingRules.read(o.content(), "rules.json"))
                    .isEqualTo(
                        new ProcessingRules(
                            IngestFixture.ACME.allocation(),
                            IngestFixture.PIPELINES.find("aws-cur").orElseThrow().anomaly())));
    assertThat(f.store.read("staging/acme_corp/2026-10-run1/manifest.json"))
        .get()
        .satisfies(
            o ->
                assertThat(StagingJson.read(o.content(), RunManifest.class, "m"))
                    .isEqualTo(manifest));
  }

  @Test
  void aRetryWithTheSameInputsLeavesTheManifestAsItIs() throws Exception {
    List<Path> snapshots = generate(Provider.AWS, 1);
    landAws(snapshots.get(0), "a1", day(30), true);
    f.stage.run(request("aws-cur"));
    long generation =
        f.store.stat("staging/acme_corp/2026-10-run1/manifest.json").get().generation();

    f.stage.run(request("aws-cur"));

    assertThat(f.store.stat("staging/acme_corp/2026-10-run1/manifest.json").get().generation())
        .isEqualTo(generation);
  }

  @Test
  void awsDataWithoutAnyManifestIsAnIncompleteDelivery() throws Exception {
    f.landing.copy(generate(Provider.AWS, 1).get(0), CUR + "a1/acme-cur-1.csv", day(30));
    assertThatThrownBy(() -> f.stage.run(request("aws-cur")))
        .isInstanceOfSatisfying(
            StageException.class,
            e -> assertThat(e.error()).isEqualTo(StageError.INCOMPLETE_DELIVERY))
        .hasMessage(
            CUR
                + ": has data files but no <report>-Manifest.json; AWS writes the manifest after"
                + " the data, so the delivery may be incomplete");
  }

  @Test
  void azureReadsTheNewestExportRunByItsManifest() throws Exception {
    List<Path> runs = generate(Provider.AZURE, 2);
    String base = "landing/acme_corp/azure/exports/acme-actual/20261001-20261031/";
    String[] ids = {"6f1d0c9e-0000-4000-8000-000000000001", "6f1d0c9e-0000-4000-8000-000000000002"};
    for (int k = 0; k < 2; k++) {
      String key = base + ids[k] + "/part_0_0001.csv";
      f.landing.copy(runs.get(k), key, day(10 + 10 * k));
      f.landing.put(
          base + ids[k] + "/manifest.json",
          """
          {"manifestVersion":"2024-04-01","byteCount":1,"blobCount":1,"dataRowCount":1,
           "exportConfig":{"exportName":"acme-actual","type":"ActualCost"},
           "runInfo":{"executionType":"Scheduled","submittedTime":"2026-10-%02dT02:00:00.1234567Z",
             "runId":"%s","startDate":"2026-10-01T00:00:00","endDate":"2026-10-31T00:00:00"},
           "blobs":[{"blobName":"exports/acme-actual/20261001-20261031/%s/part_0_0001.csv",
             "byteCount":1,"dataRowCount":1}]}
          """
              .formatted(10 + 10 * k, ids[k], ids[k]),
          day(10 + 10 * k));
    }

    RunManifest manifest = f.stage.run(request("azure-ea"));

    BigDecimal[] expected = csvTotal(runs.get(1), "CostInBillingCurrency");
    assertThat(manifest.snapshot())
        .isEqualTo(
            new SnapshotSelection(
                "2026-10-20T02:00:00.123456700Z",
                ids[1],
                List.of(
                    new SupersededSnapshot(
                        "2026-10-10T02:00:00.123456700Z",
                        ids[0],
                        List.of(base + ids[0] + "/part_0_0001.csv")))));
    assertThat(manifest.objects())
        .extracting(ManifestObject::key)
        .containsExactly(base + ids[1] + "/part_0_0001.csv");
    assertThat(manifest.sourceTotals())
        .containsExactly(
            new SourceTotal(AZURE_ACCOUNT, "EUR", expected[1].longValue(), expected[0]));
  }

  @Test
  void googleCloudCountsEveryOverlappingExtractWithoutASnapshot() throws Exception {
    List<Path> extracts = generate(Provider.GCP, 3);
    for (int k = 0; k < 3; k++) {
      f.landing.copy(
          extracts.get(k),
          "landing/acme_corp/gcp/2026-10/extract-" + (k + 1) + ".jsonl",
          day(k + 1));
    }
    f.landing.put("landing/acme_corp/gcp/2026-09/extract-1.jsonl", "{}", day(1));

    RunManifest manifest = f.stage.run(request("gcp-billing"));

    assertThat(manifest.snapshot()).isNull();
    assertThat(manifest.objects())
        .extracting(ManifestObject::key, ManifestObject::snapshotId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "landing/acme_corp/gcp/2026-10/extract-1.jsonl", null),
            org.assertj.core.groups.Tuple.tuple(
                "landing/acme_corp/gcp/2026-10/extract-2.jsonl", null),
            org.assertj.core.groups.Tuple.tuple(
                "landing/acme_corp/gcp/2026-10/extract-3.jsonl", null));
    BigDecimal expected = BigDecimal.ZERO;
    long rows = 0;
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    for (Path extract : extracts) {
      for (String line : Files.readAllLines(extract)) {
        if (line.isBlank()) {
          continue;
        }
        var row = json.readTree(line);
        expected = expected.add(new BigDecimal(row.get("cost").asText()));
        rows++;
        for (var credit : row.path("credits")) {
          expected = expected.add(new BigDecimal(credit.get("amount").asText()));
          rows++;
        }
      }
    }
    assertThat(manifest.sourceTotals()).hasSize(1);
    assertThat(manifest.sourceTotals().get(0).billedCost()).isEqualByComparingTo(expected);
    assertThat(manifest.sourceTotals().get(0).rows()).isEqualTo(rows);
  }

  @Test
  void noFilesForThePeriod() {
    f.landing.put("landing/acme_corp/gcp/2026-09/extract-1.jsonl", "{}", day(1));
    assertThatThrownBy(() -> f.stage.run(request("gcp-billing")))
        .isInstanceOfSatisfying(
            StageException.class, e -> assertThat(e.error()).isEqualTo(StageError.NO_SOURCE_FILES))
        .hasMessage(
            "no Google Cloud billing export files (.json, .jsonl) for invoice month 2026-10 under"
                + " landing/acme_corp/gcp/: expected them under a folder named 2026-10, 202610 or"
                + " invoice_month=202610");
  }

  @Test
  void anEmptyFile() {
    f.landing.put("landing/acme_corp/gcp/2026-10/extract-1.jsonl", "", day(1));
    assertThatThrownBy(() -> f.stage.run(request("gcp-billing")))
        .isInstanceOfSatisfying(
            StageException.class, e -> assertThat(e.error()).isEqualTo(StageError.EMPTY_FILE))
        .hasMessage("landing/acme_corp/gcp/2026-10/extract-1.jsonl: is empty (0 bytes)");
  }

  @Test
  void anUnknownLayoutIsNamedWithItsMissingColumns() {
    String manifest =
        """
        {"assemblyId":"a1","reportKeys":["cur/acme-cur/20261001-20261101/a1/acme-cur-1.csv"]}
        """;
    f.landing.put(CUR + "a1/acme-cur-1.csv", "lineItem/UnblendedCost,foo\n1,2\n", day(30));
    f.landing.put(CUR + "acme-cur-Manifest.json", manifest, day(30));
    assertThatThrownBy(() -> f.stage.run(request("aws-cur")))
        .isInstanceOfSatisfying(
            StageException.class, e -> assertThat(e.error()).isEqualTo(StageError.UNKNOWN_LAYOUT))
        .hasMessageStartingWith(
            CUR
                + "a1/acme-cur-1.csv: header does not match the AWS CUR layout; missing required"
                + " columns");
  }

  @Test
  void aCur2FileUnderALegacyPipelineIsTheWrongLayout() {
    String manifest =
        """
        {"assemblyId":"a1","reportKeys":["cur/acme-cur/20261001-20261101/a1/acme-cur-1.csv"]}
        """;
    f.landing.put(CUR + "a1/acme-cur-1.csv", "line_item_unblended_cost\n1\n", day(30));
    f.landing.put(CUR + "acme-cur-Manifest.json", manifest, day(30));
    assertThatThrownBy(() -> f.stage.run(request("aws-cur")))
        .hasMessage(
            CUR
                + "a1/acme-cur-1.csv: header does not match the aws-cur-legacy-csv layout;"
                + " expected a lineItem/UnblendedCost column");
  }

  @Test
  void mixedCurrenciesInOneAccount() throws Exception {
    Path file = generate(Provider.AWS, 1).get(0);
    List<String> lines = Files.readAllLines(file);
    lines.set(2, lines.get(2).replace(",USD,", ",EUR,"));
    f.landing.put(CUR + "a1/acme-cur-1.csv", String.join("\n", lines) + "\n", day(30));
    f.landing.put(
        CUR + "acme-cur-Manifest.json",
        "{\"assemblyId\":\"a1\",\"reportKeys\":[\"x/20261001-20261101/a1/acme-cur-1.csv\"]}",
        day(30));
    assertThatThrownBy(() -> f.stage.run(request("aws-cur")))
        .isInstanceOfSatisfying(
            StageException.class, e -> assertThat(e.error()).isEqualTo(StageError.MIXED_CURRENCIES))
        .hasMessage(
            "billing_currency: more than one currency for billing account 100010000000 (EUR, USD)");
  }

  @Test
  void dataOfAnUndeclaredBillingAccount() throws Exception {
    Path file = generate(Provider.AWS, 1).get(0);
    String content = Files.readString(file).replace(AWS_ACCOUNT, "999999999999");
    f.landing.put(CUR + "a1/acme-cur-1.csv", content, day(30));
    f.landing.put(
        CUR + "acme-cur-Manifest.json",
        "{\"assemblyId\":\"a1\",\"reportKeys\":[\"x/20261001-20261101/a1/acme-cur-1.csv\"]}",
        day(30));
    assertThatThrownBy(() -> f.stage.run(request("aws-cur")))
        .isInstanceOfSatisfying(
            StageException.class,
            e -> assertThat(e.error()).isEqualTo(StageError.UNKNOWN_BILLING_ACCOUNT))
        .hasMessage(
            "billing_accounts: the source holds data of 999999999999 (first in "
                + CUR
                + "a1/acme-cur-1.csv), which the tenant does not declare; declared: 100010000000");
  }

  @Test
  void readersRejectsAreCountedWithTheirRawCost() throws Exception {
    Path file = generate(Provider.AWS, 1).get(0);
    List<String> lines = Files.readAllLines(file);
    String usage = lines.stream().filter(l -> l.contains(",Usage,")).findFirst().orElseThrow();
    lines.add(usage.replace(",Usage,", ",MysteryCharge,"));
    Path edited = dir.resolve("edited.csv");
    Files.write(edited, lines);
    f.landing.copy(edited, CUR + "a1/acme-cur-1.csv", day(30));
    f.landing.put(
        CUR + "acme-cur-Manifest.json",
        "{\"assemblyId\":\"a1\",\"reportKeys\":[\"x/20261001-20261101/a1/acme-cur-1.csv\"]}",
        day(30));

    RunManifest manifest = f.stage.run(request("aws-cur"));

    BigDecimal[] all = csvTotal(edited, "lineItem/UnblendedCost");
    BigDecimal[] good = csvTotal(file, "lineItem/UnblendedCost");
    BigDecimal rejectedCost = all[0].subtract(good[0]);
    assertThat(manifest.rejectsAtIngest().rows()).isEqualTo(1);
    assertThat(manifest.rejectsAtIngest().rowsWithoutCost()).isZero();
    assertThat(manifest.rejectsAtIngest().rawCost()).isEqualByComparingTo(rejectedCost);
    assertThat(manifest.objects().get(0).rows()).isEqualTo(301);
    assertThat(manifest.sourceTotals())
        .containsExactly(new SourceTotal(AWS_ACCOUNT, "USD", 300, good[0]));
    assertThat(manifest.sourceCost()).isEqualByComparingTo(all[0]);
  }

  @Test
  void aSourceOutsideTheLandingPrefixIsRefused() {
    var request =
        new dev.convergence.stages.StageRequest(
            "2026-10-run1",
            "acme_corp",
            "aws-cur",
            OCTOBER,
            java.util.Optional.of("landing/other_co/aws/"),
            java.util.Optional.empty());
    assertThatThrownBy(() -> f.stage.run(request))
        .hasMessage(
            "source: 'landing/other_co/aws/' is not a prefix under the tenant's landing prefix"
                + " landing/acme_corp/aws/");
  }

  @Test
  void theBillingExportTableIsExtractedIntoTheRunsStagingPrefixFirst() {
    var request =
        new dev.convergence.stages.StageRequest(
            "2026-10-run1",
            "acme_corp",
            "gcp-table",
            OCTOBER,
            java.util.Optional.empty(),
            java.util.Optional.of("acme-billing.billing.gcp_billing_export_resource_v1_01A2B3"));
    assertThatThrownBy(() -> f.stage.run(request))
        .isInstanceOfSatisfying(
            StageException.class, e -> assertThat(e.error()).isEqualTo(StageError.NO_SOURCE_FILES))
        .hasMessage(
            "the extract of acme-billing.billing.gcp_billing_export_resource_v1_01A2B3 for invoice"
                + " month 2026-10 wrote no files under staging/acme_corp/2026-10-run1/extract/");
    assertThat(f.extractor.calls)
        .containsExactly(
            "acme-billing.billing.gcp_billing_export_resource_v1_01A2B3 2026-10"
                + " staging/acme_corp/2026-10-run1/extract/");
  }

  @Test
  void theManifestJsonIsSnakeCaseWithExactTotals() throws Exception {
    List<Path> snapshots = generate(Provider.AWS, 1);
    landAws(snapshots.get(0), "a1", day(30), true);
    f.stage.run(request("aws-cur"));
    String json =
        new String(
            f.store.read("staging/acme_corp/2026-10-run1/manifest.json").get().content(),
            StandardCharsets.UTF_8);
    BigDecimal[] expected = csvTotal(snapshots.get(0), "lineItem/UnblendedCost");
    assertThat(json)
        .contains("\"source_format\" : \"aws-cur-legacy-csv\"")
        .contains("\"billed_cost\" : \"" + expected[0].toPlainString() + "\"")
        .contains("\"snapshot_id\" : \"2026-10-30T06:01:01Z\"");
  }
}
