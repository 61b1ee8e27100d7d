package dev.convergence.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  void everyCaseOfTheBadRequestCorpusIsDeadLetteredWithItsReason() {
    List<BadRequestCorpus.Case> cases = BadRequestCorpus.cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(50);

    for (BadRequestCorpus.Case bad : cases) {
      function.accept(event(pushBody(bad.data(), bad.attributes(), "m-" + bad.name())));
    }

    Map<String, String> reasons = new HashMap<>();
    for (RecordingEventBus.Published dead : bus.on(Topics.RUN_REQUESTS_REJECTED)) {
      reasons.put(
          dead.attributes().get("original_message_id"), dead.attributes().get("reason_code"));
    }
    for (BadRequestCorpus.Case bad : cases) {
      assertThat(reasons.get("m-" + bad.name())).as(bad.name()).isEqualTo(bad.expected().name());
    }
    assertThat(store.list("ledger/runs/")).isEmpty();
    assertThat(launcher.started()).isEmpty();
  }

  /** A push body as Eventarc wraps it, around {@code data} and {@code attributes}. */
  static byte[] pushBody(byte[] data, Map<String, String> attributes, String messageId) {
    ObjectNode message = JSON.createObjectNode();
    message.put("data", Base64.getEncoder().encodeToString(data));
    message.put("messageId", messageId);
    message.put("publishTime", "2026-11-01T02:00:03.412Z");
    ObjectNode attributeNode = message.putObject("attributes");
    attributes.forEach(attributeNode::put);
    ObjectNode push = JSON.createObjectNode();
    push.set("message", message);
    push.put("subscription", "projects/convergence-prod/subscriptions/accept-run");
    return push.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

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
