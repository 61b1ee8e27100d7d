package dev.convergence.core.intake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.core.bus.EventBusException;
import dev.convergence.core.bus.Topics;
import dev.convergence.core.ledger.LedgerSettings;
import dev.convergence.core.ledger.ObjectStoreRunLedger;
import dev.convergence.core.ledger.RunLaunches;
import dev.convergence.core.ledger.RunLedger;
import dev.convergence.core.ledger.RunState;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.request.ReasonCode;
import dev.convergence.core.request.RunRequestParser;
import dev.convergence.core.testing.Fixtures;
import dev.convergence.core.testing.InMemoryObjectStore;
import dev.convergence.core.testing.MutableClock;
import dev.convergence.core.testing.RecordingEventBus;
import dev.convergence.core.testing.RecordingLauncher;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunIntakeTest {

  private final InMemoryObjectStore store = new InMemoryObjectStore();
  private final MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z");
  private final RecordingLauncher launcher = new RecordingLauncher();
  private final RecordingEventBus bus = new RecordingEventBus();
  private RunLedger ledger;
  private RunIntake intake;

  @BeforeEach
  void wire() {
    ledger = new ObjectStoreRunLedger(store, Fixtures.validator(), clock, LedgerSettings.DEFAULT);
    intake =
        new RunIntake(
            new RunRequestParser(clock),
            ledger,
            new RunLaunches(store, clock, LedgerSettings.DEFAULT),
            launcher,
            bus);
  }

  private static RequestMessage message(
      String json, String messageId, Map<String, String> attributes) {
    return new RequestMessage(
        json.getBytes(UTF_8), attributes, messageId, Instant.parse("2026-11-22T07:59:58Z"));
  }

  private static String request(String tenant, String extra) {
    return "{\"tenant_id\":\""
        + tenant
        + "\",\"pipeline\":\"aws-cur\",\"billing_period\":\"2026-11\",\"trigger\":\"manual\""
        + extra
        + "}";
  }

  @Test
  void aValidRequestIsAdmittedAndItsWorkflowStarted() {
    IntakeOutcome outcome = intake.accept(message(request("pro_co", ""), "1001", Map.of()));

    IntakeOutcome.Accepted accepted = (IntakeOutcome.Accepted) outcome;
    assertThat(accepted.newRun()).isTrue();
    assertThat(accepted.startedNow()).isTrue();
    assertThat(accepted.run().requestId()).isEqualTo("1001");
    assertThat(accepted.execution()).contains("executions/" + accepted.run().runId() + "-1");
    assertThat(launcher.started()).containsExactly(accepted.run());
    assertThat(bus.published()).isEmpty();
  }

  @Test
  void aRedeliveredMessageStartsNoSecondRunOrExecution() {
    RequestMessage delivery = message(request("pro_co", ""), "1001", Map.of());
    IntakeOutcome.Accepted first = (IntakeOutcome.Accepted) intake.accept(delivery);

    IntakeOutcome.Accepted second = (IntakeOutcome.Accepted) intake.accept(delivery);

    assertThat(second.newRun()).isFalse();
    assertThat(second.startedNow()).isFalse();
    assertThat(second.execution()).isEqualTo(first.execution());
    assertThat(launcher.started()).hasSize(1);
    assertThat(store.list("ledger/runs/pro_co/")).hasSize(1);
  }

  @Test
  void aRepublishedRequestWithTheSameRequestIdIsTheSameRun() {
    intake.accept(message(request("pro_co", ",\"request_id\":\"abc\""), "1001", Map.of()));
    IntakeOutcome.Accepted again =
        (IntakeOutcome.Accepted)
            intake.accept(message(request("pro_co", ",\"request_id\":\"abc\""), "2002", Map.of()));

    assertThat(again.newRun()).isFalse();
    assertThat(launcher.started()).hasSize(1);
  }

  @Test
  void aBadRequestIsDeadLetteredWithItsReasonAndNothingIsAdmitted() {
    String body = request("pro_co", ",\"priority\":\"high\"");

    IntakeOutcome outcome = intake.accept(message(body, "1001", Map.of("origin", "billing-team")));

    assertThat(outcome)
        .isEqualTo(
            new IntakeOutcome.DeadLettered(
                new dev.convergence.core.request.Rejection(
                    ReasonCode.UNKNOWN_FIELD,
                    "priority",
                    "priority: is not a field of a run request; known fields are billing_period,"
                        + " options, pipeline, request_id, source, tenant_id, trigger")));
    RecordingEventBus.Published dead = bus.on(Topics.RUN_REQUESTS_REJECTED).get(0);
    assertThat(new String(dead.data(), UTF_8)).isEqualTo(body);
    assertThat(dead.attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "origin", "billing-team",
                "reason_code", "UNKNOWN_FIELD",
                "reason_field", "priority",
                "reason_message",
                    "priority: is not a field of a run request; known fields are billing_period,"
                        + " options, pipeline, request_id, source, tenant_id, trigger",
                "original_message_id", "1001"));
    assertThat(store.list("")).isEmpty();
    assertThat(launcher.started()).isEmpty();
  }

  @Test
  void aQuotaRefusalIsDeadLetteredToo() {
    intake.accept(message(request("starter_co", ""), "1", Map.of()));

    IntakeOutcome second = intake.accept(message(request("starter_co", ""), "2", Map.of()));

    assertThat(((IntakeOutcome.DeadLettered) second).rejection().code())
        .isEqualTo(ReasonCode.CONCURRENCY_LIMIT_REACHED);
    assertThat(bus.on(Topics.RUN_REQUESTS_REJECTED))
        .singleElement()
        .extracting(p -> p.attributes().get("reason_code"))
        .isEqualTo("CONCURRENCY_LIMIT_REACHED");
  }

  @Test
  void aSchedulerMessageTakesItsPeriodFromItsChoiceAndPublishTime() {
    String body = "{\"tenant_id\":\"pro_co\",\"pipeline\":\"aws-cur\",\"trigger\":\"scheduler\"}";
    RequestMessage firstOfMonth =
        new RequestMessage(
            body.getBytes(UTF_8),
            Map.of("billing_period_choice", "previous"),
            "77",
            Instant.parse("2026-11-01T02:00:00Z"));

    IntakeOutcome.Accepted accepted = (IntakeOutcome.Accepted) intake.accept(firstOfMonth);

    assertThat(accepted.run().billingPeriod()).isEqualTo(BillingPeriod.of(2026, 10));
    IntakeOutcome unknownChoice =
        intake.accept(message(body, "78", Map.of("billing_period_choice", "last")));
    assertThat(((IntakeOutcome.DeadLettered) unknownChoice).rejection().message())
        .isEqualTo("attributes.billing_period_choice: must be current or previous; got 'last'");
  }

  @Test
  void aSchedulersPeriodIsCountedInItsTimeZone() {
    String body = "{\"tenant_id\":\"pro_co\",\"pipeline\":\"aws-cur\",\"trigger\":\"scheduler\"}";
    // 00:30 on 1 December in Paris is still 30 November in UTC.
    RequestMessage parisMidnight =
        new RequestMessage(
            body.getBytes(UTF_8),
            Map.of("billing_period_choice", "previous", "time_zone", "Europe/Paris"),
            "79",
            Instant.parse("2026-11-30T23:30:00Z"));

    IntakeOutcome.Accepted accepted = (IntakeOutcome.Accepted) intake.accept(parisMidnight);

    assertThat(accepted.run().billingPeriod()).isEqualTo(BillingPeriod.of(2026, 11));
    IntakeOutcome badZone =
        intake.accept(
            message(
                body, "80", Map.of("billing_period_choice", "current", "time_zone", "Mars/Base")));
    assertThat(((IntakeOutcome.DeadLettered) badZone).rejection().message())
        .isEqualTo(
            "attributes.time_zone: 'Mars/Base' is not an IANA time zone such as Europe/Paris or UTC");
  }

  @Test
  void aLongReasonIsCutToWhatAnAttributeMayHold() {
    String longName = "x".repeat(3000);

    intake.accept(message(request("pro_co", ",\"" + longName + "\":1"), "9", Map.of()));

    Map<String, String> attributes = bus.on(Topics.RUN_REQUESTS_REJECTED).get(0).attributes();
    assertThat(attributes.get("reason_field").getBytes(UTF_8)).hasSizeLessThanOrEqualTo(1024);
    assertThat(attributes.get("reason_message").getBytes(UTF_8)).hasSizeLessThanOrEqualTo(1024);
    assertThat(attributes.get("reason_message"))
        .startsWith(longName.substring(0, 100))
        .endsWith("…");
  }

  @Test
  void aDeadLetterTheBusRefusesFailsTheDeliverySoItIsRedelivered() {
    bus.failNext(1);

    assertThatThrownBy(() -> intake.accept(message("{", "5", Map.of())))
        .isInstanceOf(EventBusException.class);
    intake.accept(message("{", "5", Map.of()));
    assertThat(bus.on(Topics.RUN_REQUESTS_REJECTED)).hasSize(1);
  }

  @Test
  void aRunAlreadyPastItsStartIsNotStartedAgain() {
    IntakeOutcome.Accepted first =
        (IntakeOutcome.Accepted) intake.accept(message(request("pro_co", ""), "1", Map.of()));
    ledger.transition("pro_co", first.run().runId(), RunState.RUNNING, "ingest started");

    IntakeOutcome.Accepted again =
        (IntakeOutcome.Accepted) intake.accept(message(request("pro_co", ""), "1", Map.of()));

    assertThat(again.run().state()).isEqualTo(RunState.RUNNING);
    assertThat(again.execution()).isEqualTo(first.execution());
    assertThat(launcher.started()).hasSize(1);
  }
}
