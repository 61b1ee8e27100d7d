package dev.convergence.stages.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.adapters.embedded.store.LocalDirectoryObjectStore;
import dev.convergence.core.pipeline.DataQualitySettings;
import dev.convergence.core.pipeline.PipelineConfig;
import dev.convergence.core.pipeline.SourceFormat;
import dev.convergence.core.pipeline.StaticPipelineCatalog;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.quality.QualityReport;
import dev.convergence.core.quality.RuleResult;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.staging.IngestRejects;
import dev.convergence.core.staging.ManifestObject;
import dev.convergence.core.staging.RunManifest;
import dev.convergence.core.staging.SnapshotSelection;
import dev.convergence.core.staging.SourceTotal;
import dev.convergence.core.staging.StagingJson;
import dev.convergence.core.staging.StagingLayout;
import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.FocusRow;
import dev.convergence.focus.SourceContext;
import dev.convergence.focus.aws.AwsCurReader;
import dev.convergence.focus.synth.GeneratorSettings;
import dev.convergence.focus.synth.SyntheticBillingGenerator;
import dev.convergence.stages.StageError;
import dev.convergence.stages.StageException;
import dev.convergence.stages.StageRequest;
import dev.convergence.stages.testing.StagedOutput;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check over staged Parquet written the way the processing job writes it, from FOCUS rows the
 * real reader converted from generated AWS data.
 */
class CheckStageTest {

  private static final BillingPeriod OCTOBER = BillingPeriod.of(2026, 10);
  private static final String RUN = "2026-10-run1";
  private static final String SNAPSHOT = "2026-10-30T06:00:00Z";
  private static final StagingLayout LAYOUT = StagingLayout.of("acme_corp", RUN);

  @TempDir Path dir;
  LocalDirectoryObjectStore store;
  StagedOutput staged;
  CheckStage stage;
  List<FocusRow> rows = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    store = new LocalDirectoryObjectStore(dir.resolve("store"));
    staged = new StagedOutput(Files.createDirectories(dir.resolve("scratch")));
    PipelineConfig pipeline =
        new PipelineConfig(
            "aws-cur",
            "",
            Provider.AWS,
            SourceFormat.AWS_CUR_LEGACY_CSV,
            new DataQualitySettings(new BigDecimal("0.00"), new BigDecimal("0.01")),
            null);
    stage =
        new CheckStage(
            store,
            StaticPipelineCatalog.of(List.of(pipeline)),
            Clock.fixed(Instant.parse("2026-10-31T09:00:00Z"), ZoneOffset.UTC));
    Path file =
        SyntheticBillingGenerator.generate(
                new GeneratorSettings(Provider.AWS, OCTOBER, 200, 5, 1, 2, dir.resolve("gen")))
            .get(0);
    try (ConversionStream stream =
        AwsCurReader.open(
            Files.newInputStream(file), new SourceContext("acme_corp", RUN, "k.csv", SNAPSHOT))) {
      stream.drain(rows::add, r -> {});
    }
  }

  /** The manifest ingest would write for these rows, plus {@code rejected} ingest rejects. */
  private void manifest(long rejected, BigDecimal rejectedCost) {
    BigDecimal total =
        rows.stream().map(FocusRow::billedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    RunManifest manifest =
        new RunManifest(
            RUN,
            "acme_corp",
            Provider.AWS,
            "aws-cur",
            SourceFormat.AWS_CUR_LEGACY_CSV,
            OCTOBER,
            new SnapshotSelection(SNAPSHOT, "a1", List.of()),
            List.of(
                new ManifestObject(
                    "landing/acme_corp/aws/k.csv",
                    SourceFormat.AWS_CUR_LEGACY_CSV,
                    1,
                    "0".repeat(64),
                    rows.size() + rejected,
                    SNAPSHOT)),
            List.of(new SourceTotal(rows.get(0).billingAccountId(), "USD", rows.size(), total)),
            new IngestRejects(rejected, rejectedCost, 0),
            Instant.parse("2026-10-31T08:00:00Z"));
    store.put(LAYOUT.manifest(), StagingJson.write(manifest));
  }

  private void output(List<FocusRow> focus, List<BigDecimal> rejects) {
    staged.focusRows(store, LAYOUT.focusOutputPrefix() + "part-0-0.parquet", focus);
    staged.rejects(store, LAYOUT.rejectsOutputPrefix() + "part-0-0.parquet", rejects);
    StagedOutput.summary(
        store,
        LAYOUT.summaryOutputPrefix() + "part-0-0.json",
        "acme_corp",
        RUN,
        focus.size(),
        focus.stream().map(FocusRow::billedCost).reduce(BigDecimal.ZERO, BigDecimal::add),
        rejects.size(),
        BigDecimal.ZERO,
        0,
        BigDecimal.ZERO);
  }

  private static StageRequest request() {
    return StageRequest.of(RUN, "acme_corp", "aws-cur", OCTOBER);
  }

  @Test
  void aFaithfulStagedOutputPassesEveryRuleAndTheResultsAreWritten() {
    manifest(1, new BigDecimal("2.50"));
    output(rows, List.of(new BigDecimal("2.50")));

    QualityReport report = stage.run(request());

    assertThat(report.passed()).isTrue();
    assertThat(report.results())
        .extracting(RuleResult::rule, RuleResult::passed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("mandatory_columns", true),
            org.assertj.core.groups.Tuple.tuple("allowed_values", true),
            org.assertj.core.groups.Tuple.tuple("period_bounds", true),
            org.assertj.core.groups.Tuple.tuple("currency_per_account", true),
            org.assertj.core.groups.Tuple.tuple("row_conservation", true),
            org.assertj.core.groups.Tuple.tuple("reconciliation", true),
            org.assertj.core.groups.Tuple.tuple("reject_ratio", true));
    assertThat(report.results().get(4).message())
        .isEqualTo("source rows 201 = staged 200 + rejects 1 + duplicates 0 + superseded 0 = 201");
    assertThat(
            StagingJson.read(
                store.read(LAYOUT.dqResults()).get().content(), QualityReport.class, "dq"))
        .isEqualTo(report);
  }

  @Test
  void aLostRowFailsConservationAndReconciliationAndNothingMayBePublished() {
    manifest(0, BigDecimal.ZERO);
    FocusRow lost = rows.get(17);
    output(rows.stream().filter(r -> r != lost).toList(), List.of());

    assertThatThrownBy(() -> stage.run(request()))
        .isInstanceOfSatisfying(
            StageException.class, e -> assertThat(e.error()).isEqualTo(StageError.QUALITY_FAILED))
        .hasMessageStartingWith(
            "critical data-quality rules failed: row_conservation (source rows 200 but staged 199");

    QualityReport written =
        StagingJson.read(store.read(LAYOUT.dqResults()).get().content(), QualityReport.class, "dq");
    assertThat(written.passed()).isFalse();
    assertThat(written.criticalFailures())
        .extracting(RuleResult::rule)
        .containsExactly("row_conservation", "reconciliation");
    assertThat(written.criticalFailures().get(1).message())
        .endsWith("; off by " + lost.billedCost().negate().setScale(18).toPlainString());
  }

  @Test
  void aRowOfAnotherBillingPeriodFailsPeriodBounds() {
    manifest(0, BigDecimal.ZERO);
    List<FocusRow> shifted = new ArrayList<>(rows);
    shifted.set(
        0,
        rows.get(0).toBuilder()
            .billingPeriodStart(Instant.parse("2026-09-01T00:00:00Z"))
            .billingPeriodEnd(Instant.parse("2026-10-01T00:00:00Z"))
            .build());
    output(shifted, List.of());

    assertThatThrownBy(() -> stage.run(request()))
        .hasMessage(
            "critical data-quality rules failed: period_bounds (1 row have a billing period"
                + " outside 2026-10 [2026-10-01T00:00:00Z, 2026-11-01T00:00:00Z), the first"
                + " [2026-09-01T00:00:00Z, 2026-10-01T00:00:00Z))");
  }

  @Test
  void withoutTheManifestIngestHasNotFinished() {
    assertThatThrownBy(() -> stage.run(request()))
        .isInstanceOfSatisfying(
            StageException.class, e -> assertThat(e.error()).isEqualTo(StageError.MANIFEST_MISSING))
        .hasMessage(
            "staging/acme_corp/2026-10-run1/manifest.json: not found; ingest has not finished for"
                + " this run");
  }

  @Test
  void withoutTheSummaryTheJobHasNotFinished() {
    manifest(0, BigDecimal.ZERO);
    assertThatThrownBy(() -> stage.run(request()))
        .isInstanceOfSatisfying(
            StageException.class,
            e -> assertThat(e.error()).isEqualTo(StageError.STAGED_OUTPUT_MISSING))
        .hasMessage(
            "staging/acme_corp/2026-10-run1/output/summary/: expected one run summary, found 0;"
                + " the processing job has not finished for this run");
  }
}
