package dev.convergence.stages.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.core.ledger.RunState;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.quality.RuleName;
import dev.convergence.core.warehouse.DqOutcome;
import dev.convergence.core.warehouse.DqResult;
import dev.convergence.core.warehouse.PipelineRun;
import dev.convergence.core.warehouse.Publication;
import dev.convergence.core.warehouse.PublishResult;
import dev.convergence.core.warehouse.SliceTotal;
import dev.convergence.core.warehouse.StepLog;
import dev.convergence.core.warehouse.Warehouse;
import dev.convergence.core.warehouse.WarehouseException;
import dev.convergence.focus.FocusRow;
import dev.convergence.stages.StageError;
import dev.convergence.stages.StageException;
import dev.convergence.stages.StageRequest;
import dev.convergence.stages.TaskAttempt;
import dev.convergence.stages.testing.RunFixture;
import dev.convergence.stages.testing.StagedOutput;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publish against a real DuckDB warehouse file, the object-store ledger and staged Parquet written
 * as the processing job writes it: what is published, what a retry leaves, and that a run the check
 * did not pass leaves the warehouse exactly as it was.
 */
class PublishStageTest {

  @TempDir Path dir;
  RunFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new RunFixture(dir);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private PublishStage stage(Warehouse warehouse) {
    return new PublishStage(
        fixture.store,
        fixture.pipelines,
        fixture.ledger,
        warehouse,
        fixture.clock,
        TaskAttempt.FIRST);
  }

  private static final StagedOutput.Anomaly SPIKE =
      new StagedOutput.Anomaly(
          RunFixture.TENANT,
          "ignored",
          "100010000000",
          "200020000000",
          "AmazonEC2",
          LocalDate.of(2026, 10, 14),
          new BigDecimal("812.5"),
          new BigDecimal("101.25"),
          new BigDecimal("40.1"),
          new BigDecimal("162.4"),
          new BigDecimal("11.62"),
          14,
          "high");

  /** The totals {@code rows} make per billing account, as the warehouse reports them. */
  private static List<SliceTotal> totals(List<FocusRow> rows) {
    Map<String, List<FocusRow>> byAccount =
        rows.stream()
            .collect(
                Collectors.groupingBy(
                    FocusRow::billingAccountId, TreeMap::new, Collectors.toList()));
    return byAccount.entrySet().stream()
        .map(
            e ->
                new SliceTotal(
                    Provider.AWS,
                    e.getKey(),
                    RunFixture.OCTOBER,
                    e.getValue().size(),
                    RunFixture.billedCost(e.getValue()).setScale(18)))
        .toList();
  }

  /** A run published and then ended, so the starter plan admits the next one. */
  private List<SliceTotal> publishedAndEnded() {
    StageRequest first = fixture.admit("first");
    List<FocusRow> rows = fixture.stage(first, Integer.MAX_VALUE, 0, List.of());
    fixture.check(first);
    stage(fixture.warehouse).run(first);
    fixture.ledger.transition(RunFixture.TENANT, first.runId(), RunState.RUNNING, "test");
    fixture.ledger.transition(RunFixture.TENANT, first.runId(), RunState.SUCCEEDED, "test");
    List<SliceTotal> totals = fixture.warehouse.sliceTotals(RunFixture.TENANT);
    assertThat(totals).isEqualTo(totals(rows));
    return totals;
  }

  @Test
  void publishingTwiceLeavesTheSameTablesAsPublishingOnce() {
    StageRequest run = fixture.admit("r1");
    List<FocusRow> rows = fixture.stage(run, Integer.MAX_VALUE, 2, List.of(SPIKE));
    fixture.check(run, RuleName.REJECT_RATIO_WARNING);

    PublishResult once = stage(fixture.warehouse).run(run);
    List<SliceTotal> afterOnce = fixture.warehouse.sliceTotals(RunFixture.TENANT);
    List<PipelineRun> runsOnce = fixture.warehouse.pipelineRuns(RunFixture.TENANT);
    fixture.clock.advance(Duration.ofMinutes(5));
    PublishResult twice = stage(fixture.warehouse).run(run);

    assertThat(twice).isEqualTo(once);
    assertThat(once.focusRows()).isEqualTo(rows.size());
    assertThat(once.dailyRows()).isEqualTo(1);
    assertThat(once.anomalyRows()).isEqualTo(1);
    assertThat(afterOnce).isEqualTo(totals(rows));
    assertThat(fixture.warehouse.sliceTotals(RunFixture.TENANT)).isEqualTo(afterOnce);
    assertThat(fixture.warehouse.pipelineRuns(RunFixture.TENANT))
        .isEqualTo(runsOnce)
        .containsExactly(
            new PipelineRun(
                run.runId(),
                RunFixture.TENANT,
                Provider.AWS,
                RunFixture.PIPELINE,
                RunFixture.OCTOBER,
                RunState.RUNNING,
                Instant.parse("2026-11-02T08:00:00Z"),
                null,
                (long) rows.size(),
                RunFixture.billedCost(rows).setScale(18),
                2L,
                DqOutcome.WARNINGS,
                1L,
                null,
                null));
  }

  @Test
  void aRetryAfterAFailureMidwayPublishesTheSameResult() {
    StageRequest run = fixture.admit("r1");
    List<FocusRow> rows = fixture.stage(run, Integer.MAX_VALUE, 0, List.of(SPIKE));
    fixture.check(run);
    FailingRecords flaky = new FailingRecords(fixture.warehouse);

    assertThatThrownBy(() -> stage(flaky).run(run))
        .isInstanceOfSatisfying(WarehouseException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(fixture.warehouse.sliceTotals(RunFixture.TENANT)).isEqualTo(totals(rows));
    assertThat(fixture.warehouse.pipelineRuns(RunFixture.TENANT)).isEmpty();

    stage(flaky).run(run);

    assertThat(fixture.warehouse.sliceTotals(RunFixture.TENANT)).isEqualTo(totals(rows));
    assertThat(fixture.warehouse.pipelineRuns(RunFixture.TENANT))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.focusRows()).isEqualTo(rows.size());
              assertThat(r.dqOutcome()).isEqualTo(DqOutcome.PASSED);
            });
  }

  @Test
  void aCriticalFailureLeavesTheWarehouseExactlyAsItWas() {
    List<SliceTotal> before = publishedAndEnded();
    List<PipelineRun> runsBefore = fixture.warehouse.pipelineRuns(RunFixture.TENANT);
    StageRequest run = fixture.admit("second");
    fixture.stage(run, 10, 0, List.of(SPIKE));
    fixture.check(run, RuleName.RECONCILIATION, RuleName.REJECT_RATIO_WARNING);

    assertThatThrownBy(() -> stage(fixture.warehouse).run(run))
        .isInstanceOfSatisfying(
            StageException.class,
            e -> {
              assertThat(e.error()).isEqualTo(StageError.QUALITY_FAILED);
              assertThat(e.error().exitCode().code()).isEqualTo(4);
            })
        .hasMessage(
            "staging/acme_corp/"
                + run.runId()
                + "/check/dq-results.json: critical data-quality rules failed, nothing is"
                + " published: reconciliation (reconciliation failed on purpose)");

    assertThat(fixture.warehouse.sliceTotals(RunFixture.TENANT)).isEqualTo(before);
    assertThat(fixture.warehouse.pipelineRuns(RunFixture.TENANT)).isEqualTo(runsBefore);
  }

  @Test
  void missingCheckResultsLeaveTheWarehouseExactlyAsItWas() {
    List<SliceTotal> before = publishedAndEnded();
    List<PipelineRun> runsBefore = fixture.warehouse.pipelineRuns(RunFixture.TENANT);
    StageRequest run = fixture.admit("second");
    fixture.stage(run, 10, 0, List.of());

    assertThatThrownBy(() -> stage(fixture.warehouse).run(run))
        .isInstanceOfSatisfying(
            StageException.class,
            e -> {
              assertThat(e.error()).isEqualTo(StageError.QUALITY_NOT_CHECKED);
              assertThat(e.error().exitCode().code()).isEqualTo(4);
            })
        .hasMessage(
            "staging/acme_corp/"
                + run.runId()
                + "/check/dq-results.json: not found; the check has not passed this run");

    assertThat(fixture.warehouse.sliceTotals(RunFixture.TENANT)).isEqualTo(before);
    assertThat(fixture.warehouse.pipelineRuns(RunFixture.TENANT)).isEqualTo(runsBefore);
  }

  @Test
  void checkResultsOfAnotherRunDoNotCount() {
    StageRequest run = fixture.admit("r1");
    fixture.stage(run, 10, 0, List.of());
    StageRequest other =
        StageRequest.of("2026-10-other", "acme_corp", "aws-cur", run.billingPeriod());
    fixture.check(other);
    fixture.store.put(
        run.layout().dqResults(), fixture.store.read(other.layout().dqResults()).get().content());

    assertThatThrownBy(() -> stage(fixture.warehouse).run(run))
        .isInstanceOfSatisfying(
            StageException.class,
            e -> assertThat(e.error()).isEqualTo(StageError.QUALITY_NOT_CHECKED))
        .hasMessage(
            "staging/acme_corp/"
                + run.runId()
                + "/check/dq-results.json: holds the results of run 2026-10-other of acme_corp"
                + " (aws-cur, 2026-10), not of this run");
    assertThat(fixture.warehouse.sliceTotals(RunFixture.TENANT)).isEmpty();
  }

  @Test
  void aRunThatHasEndedIsNotPublished() {
    StageRequest run = fixture.admit("r1");
    fixture.stage(run, 10, 0, List.of());
    fixture.check(run);
    fixture.ledger.transition(RunFixture.TENANT, run.runId(), RunState.FAILED, "timed out");

    assertThatThrownBy(() -> stage(fixture.warehouse).run(run))
        .isInstanceOfSatisfying(
            StageException.class, e -> assertThat(e.error()).isEqualTo(StageError.RUN_ENDED))
        .hasMessage("run " + run.runId() + " has already ended FAILED; nothing is published");
    assertThat(fixture.warehouse.sliceTotals(RunFixture.TENANT)).isEmpty();
  }

  /** The real warehouse, whose first {@code recordRun} fails as a dropped connection would. */
  private static final class FailingRecords implements Warehouse {
    private final Warehouse real;
    private boolean failed;

    FailingRecords(Warehouse real) {
      this.real = real;
    }

    @Override
    public PublishResult publish(Publication publication) {
      return real.publish(publication);
    }

    @Override
    public void recordRun(PipelineRun run) {
      if (!failed) {
        failed = true;
        throw new WarehouseException(
            WarehouseException.Reason.UNAVAILABLE, "injected: connection dropped");
      }
      real.recordRun(run);
    }

    @Override
    public void recordStep(StepLog step) {
      real.recordStep(step);
    }

    @Override
    public void recordDqResults(String runId, List<DqResult> results) {
      real.recordDqResults(runId, results);
    }

    @Override
    public List<SliceTotal> sliceTotals(String tenantId) {
      return real.sliceTotals(tenantId);
    }

    @Override
    public List<PipelineRun> pipelineRuns(String tenantId) {
      return real.pipelineRuns(tenantId);
    }

    @Override
    public List<String> migrate(String tenantId) {
      return real.migrate(tenantId);
    }
  }
}
