package dev.convergence.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.pubsub.v1.PubsubMessage;
import dev.convergence.adapters.embedded.store.LocalDirectoryObjectStore;
import dev.convergence.adapters.gcp.bus.PubSubEmulatorServer;
import dev.convergence.adapters.gcp.bus.PubSubEventBus;
import dev.convergence.adapters.gcp.launch.WorkflowsStandIn;
import dev.convergence.core.bus.Topics;
import dev.convergence.core.store.ObjectInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AcceptRun end to end on real components: messages published to the Pub/Sub emulator, pushed to
 * the relay that wraps them as Eventarc does, served by the Functions Framework invoker in its own
 * process; the ledger on a local directory the test reads too; Workflows as a local stand-in.
 */
class AcceptRunIT {

  private static IntakeStack stack;
  private static PubSubEmulatorServer pubsub;
  private static WorkflowsStandIn workflows;
  private static InvokerProcess invoker;
  private static PubSubEventBus publisher;
  private static LocalDirectoryObjectStore ledger;
  private static final List<PubsubMessage> deadLetters = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    Path ledgerDirectory = Files.createTempDirectory("accept-run-ledger");
    ledger = new LocalDirectoryObjectStore(ledgerDirectory);
    stack =
        IntakeStack.start(
            Path.of(AcceptRunIT.class.getResource("/config").toURI()), ledgerDirectory, "WARN");
    pubsub = stack.pubsub;
    workflows = stack.workflows;
    invoker = stack.invoker;
    publisher = stack.publisher;
  }

  @AfterAll
  static void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  private static void publish(String json, Map<String, String> attributes) {
    stack.publish(json, attributes);
  }

  private static String request(String tenant, String period, String extra) {
    return "{\"tenant_id\":\""
        + tenant
        + "\",\"pipeline\":\"aws-cur\",\"billing_period\":\""
        + period
        + "\",\"trigger\":\"manual\""
        + extra
        + "}";
  }

  private static void await(String what, BooleanSupplier condition) throws Exception {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(giveUp)) {
        throw new AssertionError("timed out waiting for " + what + "\n" + invoker.output());
      }
      Thread.sleep(100);
    }
  }

  /** Dead letters received so far whose attribute {@code case} is set, by that case. */
  private static synchronized Map<String, PubsubMessage> deadLettersByCase() {
    try {
      deadLetters.addAll(pubsub.drain("rejected-audit"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return deadLetters.stream()
        .filter(m -> m.getAttributesMap().containsKey("case"))
        .collect(Collectors.toMap(m -> m.getAttributesMap().get("case"), m -> m, (a, b) -> a));
  }

  private static List<WorkflowsStandIn.Request> executionsFor(String requestId) {
    return workflows.requests().stream()
        .filter(r -> r.argument().get("request").get("request_id").asText().equals(requestId))
        .toList();
  }

  @Test
  void aRequestPublishedThreeTimesAdmitsOneRunAndStartsOneExecution() throws Exception {
    String body = request("acme_corp", "2026-10", ",\"request_id\":\"it-once\"");
    for (int i = 0; i < 3; i++) {
      publish(body, Map.of());
    }

    await("the run's execution", () -> !executionsFor("it-once").isEmpty());
    Thread.sleep(2_000); // room for the other two deliveries to be processed

    List<WorkflowsStandIn.Request> executions = executionsFor("it-once");
    assertThat(executions).hasSize(1);
    assertThat(executions.get(0).path()).isEqualTo("/v1/" + IntakeStack.WORKFLOW + "/executions");
    String runId = executions.get(0).argument().get("run_id").asText();
    List<ObjectInfo> runs = ledger.list("ledger/runs/acme_corp/");
    assertThat(runs)
        .extracting(ObjectInfo::key)
        .contains("ledger/runs/acme_corp/" + runId + ".json");
    assertThat(
            ledger
                .read("ledger/launches/acme_corp/" + runId + ".json")
                .orElseThrow()
                .contentAsUtf8())
        .contains("\"stage\" : \"STARTED\"")
        .contains(IntakeStack.WORKFLOW + "/executions/exec-");
  }

  @Test
  void badRequestsAreDeadLetteredWithTheirReasonAndNothingIsAdmitted() throws Exception {
    Map<String, String> cases =
        Map.of(
            "truncated", "{\"tenant_id\":\"acme_corp\"",
            "unknown-tenant", request("nobody_co", "2026-10", ""),
            "far-future", request("acme_corp", "2031-01", ""),
            "source-escape",
                request("acme_corp", "2026-10", ",\"source\":\"landing/acme_corp/aws/../../x/\""));
    cases.forEach((name, body) -> publish(body, Map.of("case", name)));

    await("four dead letters", () -> deadLettersByCase().keySet().containsAll(cases.keySet()));

    Map<String, PubsubMessage> received = deadLettersByCase();
    Map<String, String> reasons =
        cases.keySet().stream()
            .collect(
                Collectors.toMap(
                    name -> name,
                    name -> received.get(name).getAttributesMap().get("reason_code")));
    assertThat(reasons)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "truncated", "MALFORMED_JSON",
                "unknown-tenant", "UNKNOWN_TENANT",
                "far-future", "BILLING_PERIOD_IN_FUTURE",
                "source-escape", "INVALID_SOURCE"));
    assertThat(received.get("truncated").getData().toStringUtf8())
        .isEqualTo(cases.get("truncated"));
    assertThat(ledger.list("ledger/runs/nobody_co/")).isEmpty();
  }

  @Test
  void aStarterTenantsSecondConcurrentRunIsDeadLetteredWithTheQuotaReason() throws Exception {
    publish(request("small_co", "2026-10", ",\"request_id\":\"first\""), Map.of());
    await("the first run", () -> !executionsFor("first").isEmpty());

    publish(request("small_co", "2026-09", ",\"request_id\":\"second\""), Map.of("case", "second"));
    await("the second request's dead letter", () -> deadLettersByCase().containsKey("second"));

    PubsubMessage refused = deadLettersByCase().get("second");
    assertThat(refused.getAttributesMap())
        .containsEntry("reason_code", "CONCURRENCY_LIMIT_REACHED")
        .containsEntry(
            "reason_message",
            "tenant_id: tenant 'small_co' already has 1 run in progress, the most its starter plan"
                + " allows at once; send the request again when one has ended");
    assertThat(executionsFor("second")).isEmpty();
  }

  @Test
  void theWholeBadRequestCorpusIsDeadLetteredWithItsReasonsAndNothingIsAdmitted() throws Exception {
    List<BadRequestCorpus.Case> cases = BadRequestCorpus.cases();
    int runsBefore = ledger.list("ledger/runs/").size();
    for (BadRequestCorpus.Case bad : cases) {
      Map<String, String> attributes = new java.util.HashMap<>(bad.attributes());
      attributes.put("case", bad.name());
      publisher.publish(Topics.RUN_REQUESTS, bad.data(), attributes);
    }

    await(
        cases.size() + " dead letters",
        () ->
            deadLettersByCase()
                .keySet()
                .containsAll(cases.stream().map(BadRequestCorpus.Case::name).toList()));

    Map<String, PubsubMessage> received = deadLettersByCase();
    for (BadRequestCorpus.Case bad : cases) {
      PubsubMessage dead = received.get(bad.name());
      assertThat(dead.getAttributesMap().get("reason_code"))
          .as(bad.name())
          .isEqualTo(bad.expected().name());
      assertThat(dead.getData().toByteArray()).as(bad.name()).isEqualTo(bad.data());
    }
    assertThat(ledger.list("ledger/runs/")).hasSize(runsBefore);
  }

  @Test
  void aStarterTenantsSeventhRequestOfTheDayIsRefusedWithTheQuotaReason() throws Exception {
    dev.convergence.core.config.ConfigDirectory config =
        dev.convergence.core.config.ConfigDirectory.load(
            Path.of(AcceptRunIT.class.getResource("/config").toURI()));
    dev.convergence.core.ledger.RunLedger runs =
        new dev.convergence.core.ledger.ObjectStoreRunLedger(
            ledger,
            new dev.convergence.core.request.RunRequestValidator(
                config.tenants(), config.pipelines()),
            java.time.Clock.systemUTC(),
            dev.convergence.core.ledger.LedgerSettings.DEFAULT);
    for (int i = 1; i <= 6; i++) {
      String requestId = "daily-" + i;
      publish(request("daily_co", "2026-10", ",\"request_id\":\"" + requestId + "\""), Map.of());
      await("run " + i + " started", () -> !executionsFor(requestId).isEmpty());
      String runId = executionsFor(requestId).get(0).argument().get("run_id").asText();
      runs.transition("daily_co", runId, dev.convergence.core.ledger.RunState.RUNNING, "test");
      runs.transition("daily_co", runId, dev.convergence.core.ledger.RunState.SUCCEEDED, "test");
    }

    publish(
        request("daily_co", "2026-10", ",\"request_id\":\"daily-7\""), Map.of("case", "seventh"));
    await("the seventh request's dead letter", () -> deadLettersByCase().containsKey("seventh"));

    assertThat(deadLettersByCase().get("seventh").getAttributesMap())
        .containsEntry("reason_code", "DAILY_QUOTA_EXCEEDED");
    assertThat(executionsFor("daily-7")).isEmpty();
  }
}
