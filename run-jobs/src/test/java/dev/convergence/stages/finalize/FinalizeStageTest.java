package dev.convergence.stages.finalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.adapters.embedded.bus.InProcessEventBus.Message;
import dev.convergence.core.bus.EventBusException;
import dev.convergence.core.bus.Topics;
import dev.convergence.core.ledger.RunRecord;
import dev.convergence.core.ledger.RunState;
import dev.convergence.core.ledger.StateChange;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.warehouse.DqOutcome;
import dev.convergence.core.warehouse.PipelineRun;
import dev.convergence.focus.FocusRow;
import dev.convergence.stages.StageError;
import dev.convergence.stages.StageException;
import dev.convergence.stages.StageRequest;
import dev.convergence.stages.TaskAttempt;
import dev.convergence.stages.publish.PublishStage;
import dev.convergence.stages.testing.RunFixture;
import dev.convergence.stages.testing.StagedOutput;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finalize on the real ledger, DuckDB warehouse and in-process bus, after a real publish: the
 * ledger's final state, the slot, the rows, and the exact messages, on success, on failure, and
 * when retried.
 */
class FinalizeStageTest {

  private static final Instant ADMITTED = Instant.parse("2026-11-02T08:00:00Z");
  private static final Instant ENDED = Instant.parse("2026-11-02T08:10:00Z");

  @TempDir Path dir;
  RunFixture fixture;
  StageRequest run;

  @BeforeEach
  void setUp() {
    fixture = new RunFixture(dir);
    run = fixture.admit("r1");
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private FinalizeStage stage() {
    return new FinalizeStage(
        fixture.store,
        fixture.pipelines,
        fixture.ledger,
        fixture.warehouse,
        fixture.bus,
        fixture.clock,
        TaskAttempt.FIRST);
  }

  private static StagedOutput.Anomaly anomaly(
      String service, int day, String cost, String score, String severity) {
    return new StagedOutput.Anomaly(
        RunFixture.TENANT,
        "r",
        "100010000000",
        "200020000000",
        service,
        LocalDate.of(2026, 10, day),
        new BigDecimal(cost),
        new BigDecimal("101.25"),
        new BigDecimal("40.1"),
        new BigDecimal("162.4"),
        new BigDecimal(score),
        14,
        severity);
  }

  private static final StagedOutput.Anomaly SPIKE =
      anomaly("AmazonEC2", 14, "812.5", "11.62", "high");
  private static final StagedOutput.Anomaly DROP =
      anomaly("AmazonS3", 20, "0.000000000000000001", "-3.75", "low");

  /** Stages, checks and publishes the run, then moves the clock on to when it ends. */
  private List<FocusRow> published(List<StagedOutput.Anomaly> anomalies) {
    List<FocusRow> rows = fixture.stage(run, Integer.MAX_VALUE, 3, anomalies);
    fixture.check(run);
    new PublishStage(
            fixture.store,
            fixture.pipelines,
            fixture.ledger,
            fixture.warehouse,
            fixture.clock,
            TaskAttempt.FIRST)
        .run(run);
    fixture.clock.set(ENDED);
    return rows;
  }

  private RunRecord ledgerRun() {
    return fixture.ledger.find(RunFixture.TENANT, run.runId()).orElseThrow();
  }

  private List<String> texts(String topic) {
    return fixture.bus.published(topic).stream().map(Message::text).toList();
  }

  @Test
  void aSucceededRunEndsFreesItsSlotAndIsAnnouncedWithItsAnomalies() {
    List<FocusRow> rows = published(List.of(SPIKE, DROP));
    assertThat(fixture.admits("r2")).as("the starter plan's one slot is taken").isFalse();

    RunRecord ended = stage().run(FinalizeRequest.succeeded(run));

    assertThat(ended).isEqualTo(ledgerRun());
    assertThat(ended.history())
        .containsExactly(
            new StateChange(RunState.ACCEPTED, ADMITTED, "admitted from a manual request"),
            new StateChange(RunState.RUNNING, ENDED, "ran its stages"),
            new StateChange(RunState.SUCCEEDED, ENDED, "finalized: every stage succeeded"));
    assertThat(fixture.admits("r2")).as("the slot was freed").isTrue();

    String cost = RunFixture.billedCost(rows).stripTrailingZeros().toPlainString();
    assertThat(texts(Topics.RUN_EVENTS))
        .containsExactly(
            "{\"run_id\":\""
                + run.runId()
                + "\",\"tenant_id\":\"acme_corp\",\"pipeline\":\"aws-cur\",\"provider\":\"aws\","
                + "\"billing_period\":\"2026-10\",\"state\":\"SUCCEEDED\",\"failed_step\":null,"
                + "\"error\":null,\"rows\":"
                + rows.size()
                + ",\"billed_cost\":\""
                + cost
                + "\",\"anomalies\":2,\"finished_at\":\"2026-11-02T08:10:00Z\",\"event_id\":\""
                + run.runId()
                + ":run-succeeded\"}");
    assertThat(fixture.bus.published(Topics.RUN_EVENTS).get(0).attributes())
        .isEqualTo(
            Map.of(
                "event_id",
                run.runId() + ":run-succeeded",
                "event_type",
                "run-succeeded",
                "tenant_id",
                "acme_corp",
                "run_id",
                run.runId()));

    assertThat(texts(Topics.COST_ANOMALIES))
        .containsExactly(
            "{\"run_id\":\""
                + run.runId()
                + "\",\"tenant_id\":\"acme_corp\",\"pipeline\":\"aws-cur\","
                + "\"billing_period\":\"2026-10\",\"provider\":\"aws\","
                + "\"billing_account_id\":\"100010000000\",\"sub_account_id\":\"200020000000\","
                + "\"service_name\":\"AmazonEC2\",\"billing_currency\":\"USD\","
                + "\"charge_day\":\"2026-10-14\",\"effective_cost\":\"812.5\","
                + "\"baseline_median\":\"101.25\",\"expected_low\":\"40.1\","
                + "\"expected_high\":\"162.4\",\"score\":\"11.62\",\"baseline_days\":14,"
                + "\"severity\":\"high\",\"event_id\":\""
                + run.runId()
                + ":anomaly-"
                + SPIKE_DIGEST
                + "\"}",
            "{\"run_id\":\""
                + run.runId()
                + "\",\"tenant_id\":\"acme_corp\",\"pipeline\":\"aws-cur\","
                + "\"billing_period\":\"2026-10\",\"provider\":\"aws\","
                + "\"billing_account_id\":\"100010000000\",\"sub_account_id\":\"200020000000\","
                + "\"service_name\":\"AmazonS3\",\"billing_currency\":\"USD\","
                + "\"charge_day\":\"2026-10-20\",\"effective_cost\":\"0.000000000000000001\","
                + "\"baseline_median\":\"101.25\",\"expected_low\":\"40.1\","
                + "\"expected_high\":\"162.4\",\"score\":\"-3.75\",\"baseline_days\":14,"
                + "\"severity\":\"low\",\"event_id\":\""
                + run.runId()
                + ":anomaly-"
                + DROP_DIGEST
                + "\"}");
    assertThat(fixture.bus.published(Topics.COST_ANOMALIES).get(1).attributes())
        .containsEntry("event_type", "cost-anomaly")
        .containsEntry("severity", "low");

    assertThat(fixture.warehouse.pipelineRuns(RunFixture.TENANT))
        .containsExactly(
            new PipelineRun(
                run.runId(),
                RunFixture.TENANT,
                Provider.AWS,
                RunFixture.PIPELINE,
                RunFixture.OCTOBER,
                RunState.SUCCEEDED,
                ADMITTED,
                ENDED,
                (long) rows.size(),
                RunFixture.billedCost(rows).setScale(18),
                3L,
                DqOutcome.PASSED,
                2L,
                null,
                null));
  }

  /**
   * The first 16 hex digits of the SHA-256 of {@code
   * ["aws","100010000000","200020000000","AmazonEC2","USD","2026-10-14"]} (and of the drop's
   * identity), computed outside Java: the id does not depend on the run's order of part files.
   */
  private static final String SPIKE_DIGEST = "8441f3b32077d246";

  private static final String DROP_DIGEST = "a406dd04c22a808d";

  @Test
  void aRunFailedAtTheCheckEndsFailedNamingTheStepWithNoAnomalyEvents() {
    fixture.stage(run, 10, 1, List.of(SPIKE));
    fixture.clock.set(ENDED);

    RunRecord ended =
        stage()
            .run(
                FinalizeRequest.failed(
                    run, "check", "critical data-quality rules failed: reconciliation"));

    assertThat(ended.state()).isEqualTo(RunState.FAILED);
    assertThat(ended.history().get(ended.history().size() - 1))
        .isEqualTo(
            new StateChange(
                RunState.FAILED,
                ENDED,
                "failed at step check: critical data-quality rules failed: reconciliation"));
    assertThat(fixture.admits("r2")).as("the slot was freed").isTrue();
    assertThat(texts(Topics.RUN_EVENTS))
        .containsExactly(
            "{\"run_id\":\""
                + run.runId()
                + "\",\"tenant_id\":\"acme_corp\",\"pipeline\":\"aws-cur\",\"provider\":\"aws\","
                + "\"billing_period\":\"2026-10\",\"state\":\"FAILED\",\"failed_step\":\"check\","
                + "\"error\":\"critical data-quality rules failed: reconciliation\",\"rows\":null,"
                + "\"billed_cost\":null,\"anomalies\":null,"
                + "\"finished_at\":\"2026-11-02T08:10:00Z\",\"event_id\":\""
                + run.runId()
                + ":run-failed\"}");
    assertThat(fixture.bus.published(Topics.COST_ANOMALIES)).isEmpty();
    assertThat(fixture.warehouse.pipelineRuns(RunFixture.TENANT))
        .containsExactly(
            new PipelineRun(
                run.runId(),
                RunFixture.TENANT,
                Provider.AWS,
                RunFixture.PIPELINE,
                RunFixture.OCTOBER,
                RunState.FAILED,
                ADMITTED,
                ENDED,
                null,
                null,
                1L,
                null,
                null,
                "check",
                "critical data-quality rules failed: reconciliation"));
  }

  @Test
  void aRunFailedBeforeAnythingWasStagedStillEnds() {
    fixture.clock.set(ENDED);

    RunRecord ended = stage().run(FinalizeRequest.failed(run, "ingest", ""));

    assertThat(ended.state()).isEqualTo(RunState.FAILED);
    assertThat(ended.history().get(1).reason())
        .isEqualTo("failed at step ingest: no error message");
    assertThat(texts(Topics.RUN_EVENTS))
        .singleElement()
        .asString()
        .contains("\"state\":\"FAILED\",\"failed_step\":\"ingest\",\"error\":null,\"rows\":null");
    assertThat(fixture.warehouse.pipelineRuns(RunFixture.TENANT))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.rejectedRows()).isNull();
              assertThat(r.errorStep()).isEqualTo("ingest");
              assertThat(r.errorMessage()).isNull();
            });
    assertThat(fixture.admits("r2")).isTrue();
  }

  @Test
  void aRetriedFinalizeChangesNothingAndResendsTheSameEvents() {
    published(List.of(SPIKE, DROP));
    RunRecord first = stage().run(FinalizeRequest.succeeded(run));
    List<Message> runEvents = fixture.bus.published(Topics.RUN_EVENTS);
    List<PipelineRun> rows = fixture.warehouse.pipelineRuns(RunFixture.TENANT);
    fixture.clock.advance(Duration.ofMinutes(7));

    RunRecord again = stage().run(FinalizeRequest.succeeded(run));

    assertThat(again).isEqualTo(first).isEqualTo(ledgerRun());
    assertThat(fixture.warehouse.pipelineRuns(RunFixture.TENANT)).isEqualTo(rows);
    List<String> sent = texts(Topics.RUN_EVENTS);
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1)).isEqualTo(sent.get(0)).isEqualTo(runEvents.get(0).text());
    List<String> anomalyIds =
        fixture.bus.published(Topics.COST_ANOMALIES).stream()
            .map(m -> m.attributes().get("event_id"))
            .toList();
    assertThat(anomalyIds).hasSize(4);
    assertThat(anomalyIds.subList(2, 4)).isEqualTo(anomalyIds.subList(0, 2));
    assertThat(anomalyIds.get(0)).isNotEqualTo(anomalyIds.get(1));
  }

  @Test
  void aFailureAfterTheRunSucceededLeavesItSucceededAndAnnouncesThat() {
    published(List.of(SPIKE));
    stage().run(FinalizeRequest.succeeded(run));

    RunRecord ended = stage().run(FinalizeRequest.failed(run, "finalize", "bus timed out"));

    assertThat(ended.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(ended).isEqualTo(ledgerRun());
    List<String> sent = texts(Topics.RUN_EVENTS);
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1)).isEqualTo(sent.get(0));
  }

  @Test
  void aSubscriberThatRefusesFailsTheStageAndTheRetryDeliversEverything() throws Exception {
    published(List.of(SPIKE));
    int[] refusals = {1};
    try (AutoCloseable subscription =
        fixture.bus.subscribe(
            Topics.COST_ANOMALIES,
            m -> {
              if (refusals[0]-- > 0) {
                throw new IllegalStateException("consumer down");
              }
            })) {

      assertThatThrownBy(() -> stage().run(FinalizeRequest.succeeded(run)))
          .isInstanceOf(EventBusException.class)
          .hasMessage("a subscriber of topic cost-anomalies refused the message: consumer down");
      assertThat(ledgerRun().state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(fixture.bus.published(Topics.COST_ANOMALIES)).isEmpty();

      stage().run(FinalizeRequest.succeeded(run));
    }

    assertThat(fixture.bus.published(Topics.RUN_EVENTS)).hasSize(2);
    assertThat(fixture.bus.published(Topics.COST_ANOMALIES)).hasSize(1);
  }

  @Test
  void aSucceededRunWhoseAnomaliesAreIncompleteIsNotEnded() {
    fixture.stage(run, 10, 0, List.of(SPIKE));
    fixture.store.delete(run.layout().anomaliesOutputPrefix() + "part-0-0.parquet");

    assertThatThrownBy(() -> stage().run(FinalizeRequest.succeeded(run)))
        .isInstanceOfSatisfying(
            StageException.class,
            e -> assertThat(e.error()).isEqualTo(StageError.STAGED_OUTPUT_MISSING))
        .hasMessage(
            "staging/acme_corp/"
                + run.runId()
                + "/output/anomalies/: the part files hold 0 anomalies, but the job's summary"
                + " counts 1; the staged output is incomplete");
    assertThat(ledgerRun().state()).isEqualTo(RunState.ACCEPTED);
    assertThat(fixture.bus.published(Topics.RUN_EVENTS)).isEmpty();
  }
}
