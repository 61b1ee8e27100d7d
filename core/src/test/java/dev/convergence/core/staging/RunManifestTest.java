package dev.convergence.core.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.core.pipeline.SourceFormat;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunManifestTest {

  private static final String SHA = "a".repeat(64);

  static RunManifest aws() {
    return new RunManifest(
        "2026-10-run",
        "acme_corp",
        Provider.AWS,
        "aws-cur",
        SourceFormat.AWS_CUR_LEGACY_CSV,
        BillingPeriod.of(2026, 10),
        new SnapshotSelection(
            "2026-10-20T06:00:00Z",
            "b2c3",
            List.of(
                new SupersededSnapshot(
                    "2026-10-10T06:00:00Z",
                    "a1b2",
                    List.of("landing/acme_corp/aws/r/20261001-20261101/a1b2/r-1.csv.gz")))),
        List.of(
            new ManifestObject(
                "landing/acme_corp/aws/r/20261001-20261101/b2c3/r-2.csv.gz",
                SourceFormat.AWS_CUR_LEGACY_CSV,
                120,
                SHA,
                3,
                "2026-10-20T06:00:00Z"),
            new ManifestObject(
                "landing/acme_corp/aws/r/20261001-20261101/b2c3/r-1.csv.gz",
                SourceFormat.AWS_CUR_LEGACY_CSV,
                100,
                SHA,
                2,
                "2026-10-20T06:00:00Z")),
        List.of(
            new SourceTotal("210987654321", "USD", 1, new BigDecimal("-0.50")),
            new SourceTotal("123456789012", "USD", 3, new BigDecimal("10.0000000001"))),
        new IngestRejects(1, new BigDecimal("2.25"), 0),
        Instant.parse("2026-10-21T08:00:00Z"));
  }

  @Test
  void writesSnakeCaseJsonWithExactDecimalStringsSortedForRepeatability() {
    String json = new String(StagingJson.write(aws()), StandardCharsets.UTF_8);
    assertThat(json)
        .isEqualToIgnoringWhitespace(
            """
            {"run_id":"2026-10-run","tenant_id":"acme_corp","provider":"aws","pipeline":"aws-cur",
             "source_format":"aws-cur-legacy-csv","billing_period":"2026-10",
             "snapshot":{"id":"2026-10-20T06:00:00Z","delivery_id":"b2c3","superseded":[
               {"id":"2026-10-10T06:00:00Z","delivery_id":"a1b2",
                "keys":["landing/acme_corp/aws/r/20261001-20261101/a1b2/r-1.csv.gz"]}]},
             "objects":[
               {"key":"landing/acme_corp/aws/r/20261001-20261101/b2c3/r-1.csv.gz",
                "format":"aws-cur-legacy-csv","size":100,"sha256":"%s","rows":2,
                "snapshot_id":"2026-10-20T06:00:00Z"},
               {"key":"landing/acme_corp/aws/r/20261001-20261101/b2c3/r-2.csv.gz",
                "format":"aws-cur-legacy-csv","size":120,"sha256":"%s","rows":3,
                "snapshot_id":"2026-10-20T06:00:00Z"}],
             "source_totals":[
               {"billing_account_id":"123456789012","billing_currency":"USD","rows":3,
                "billed_cost":"10.0000000001"},
               {"billing_account_id":"210987654321","billing_currency":"USD","rows":1,
                "billed_cost":"-0.50"}],
             "rejects_at_ingest":{"rows":1,"raw_cost":"2.25","rows_without_cost":0},
             "created_at":"2026-10-21T08:00:00Z"}
            """
                .formatted(SHA, SHA));
  }

  @Test
  void readsBackWhatItWrote() {
    RunManifest manifest = aws();
    RunManifest read =
        StagingJson.read(StagingJson.write(manifest), RunManifest.class, "manifest.json");
    assertThat(read).isEqualTo(manifest);
    assertThat(read.sourceRows()).isEqualTo(5);
    assertThat(read.sourceCost()).isEqualByComparingTo("11.7500000001");
  }

  @Test
  void theSameInputsAtAnotherTimeAreTheSameContent() {
    RunManifest manifest = aws();
    assertThat(manifest.sameContentAs(manifest.withCreatedAt(Instant.EPOCH))).isTrue();
  }

  @Test
  void aBrokenManifestIsReportedWithTheFieldAtFault() {
    String json =
        new String(StagingJson.write(aws()), StandardCharsets.UTF_8)
            .replace(
                "\"snapshot_id\" : \"2026-10-20T06:00:00Z\"", "\"snapshot_id\" : \"yesterday\"");
    assertThatThrownBy(
            () ->
                StagingJson.read(
                    json.getBytes(StandardCharsets.UTF_8), RunManifest.class, "manifest.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "manifest.json: is not a readable RunManifest: snapshot_id: must be an ISO-8601 UTC"
                + " instant such as 2026-10-20T06:00:00Z; got 'yesterday'");
  }

  @Test
  void objectsOfASnapshotProviderMustCarryTheChosenSnapshot() {
    RunManifest manifest = aws();
    assertThatThrownBy(
            () ->
                new RunManifest(
                    manifest.runId(),
                    manifest.tenantId(),
                    manifest.provider(),
                    manifest.pipeline(),
                    manifest.sourceFormat(),
                    manifest.billingPeriod(),
                    new SnapshotSelection("2026-10-25T06:00:00Z", "c3d4", List.of()),
                    manifest.objects(),
                    manifest.sourceTotals(),
                    manifest.rejectsAtIngest(),
                    manifest.createdAt()))
        .hasMessage(
            "objects: landing/acme_corp/aws/r/20261001-20261101/b2c3/r-1.csv.gz has snapshot_id"
                + " 2026-10-20T06:00:00Z, but the manifest's snapshot is 2026-10-25T06:00:00Z");
  }
}
