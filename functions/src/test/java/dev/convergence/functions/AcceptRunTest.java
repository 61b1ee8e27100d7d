package dev.convergence.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.core.bus.Topics;
import dev.convergence.core.config.ConfigDirectory;
import dev.convergence.core.intake.RunIntake;
import dev.convergence.core.ledger.LedgerSettings;
import dev.convergence.core.ledger.ObjectStoreRunLedger;
import dev.convergence.core.ledger.RunLaunches;
import dev.convergence.core.ledger.RunRecord;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.request.RunRequestParser;
import dev.convergence.core.request.RunRequestValidator;
import dev.convergence.core.request.Trigger;
import dev.convergence.core.testing.InMemoryObjectStore;
import dev.convergence.core.testing.MutableClock;
import dev.convergence.core.testing.RecordingEventBus;
import dev.convergence.core.testing.RecordingLauncher;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AcceptRun on a recorded Eventarc Pub/Sub event, with the real intake over in-memory fakes. */
class AcceptRunTest {

  private final InMemoryObjectStore store = new InMemoryObjectStore();
  private final RecordingLauncher launcher = new RecordingLauncher();
  private final RecordingEventBus bus = new RecordingEventBus();
  private AcceptRun function;

  @BeforeEach
  void wire() throws Exception {
    MutableClock clock = MutableClock.at("2026-11-01T02:00:04Z");
    ConfigDirectory config =
        ConfigDirectory.load(Path.of(getClass().getResource("/config").toURI()));
    RunRequestValidator validator = new RunRequestValidator(config.tenants(), config.pipelines());
    function =
        new AcceptRun(
            new RunIntake(
                new RunRequestParser(clock),
                new ObjectStoreRunLedger(store, validator, clock, LedgerSettings.DEFAULT),
                new RunLaunches(store, clock, LedgerSettings.DEFAULT),
                launcher,
                bus));
  }

  private static CloudEvent event(byte[] data) {
    return CloudEventBuilder.v1()
        .withId("2070443601311540")
        .withSource(
            URI.create("//pubsub.googleapis.com/projects/convergence-prod/topics/run-requests"))
        .withType("google.cloud.pubsub.topic.v1.messagePublished")
        .withDataContentType("application/json")
        .withData(data)
        .build();
  }

  @Test
  void aScheduledRequestIsAdmittedForThePreviousMonthAndItsWorkflowStarted() throws Exception {
    byte[] data;
    try (InputStream in = getClass().getResourceAsStream("/events/message-published.json")) {
      data = in.readAllBytes();
    }

    function.accept(event(data));

    assertThat(launcher.started()).hasSize(1);
    RunRecord run = launcher.started().get(0);
    assertThat(run.tenantId()).isEqualTo("acme_corp");
    assertThat(run.billingPeriod()).isEqualTo(BillingPeriod.of(2026, 10));
    assertThat(run.trigger()).isEqualTo(Trigger.SCHEDULER);
    assertThat(run.requestId()).isEqualTo("2070443601311540");
    assertThat(bus.on(Topics.RUN_REQUESTS_REJECTED)).isEmpty();

    function.accept(event(data));
    assertThat(launcher.started()).hasSize(1);
  }

  @Test
  void anEventThatIsNotAPubSubMessageFailsSoPubSubsOwnDeadLetterPolicyCatchesIt() {
    assertThatThrownBy(
            () -> function.accept(event("{\"hello\":1}".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the event is not a Pub/Sub messagePublished event: it has no message.messageId");
    assertThat(launcher.started()).isEmpty();
    assertThat(bus.published()).isEmpty();
  }
}
