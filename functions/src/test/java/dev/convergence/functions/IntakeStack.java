package dev.convergence.functions;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.convergence.adapters.gcp.bus.PubSubEmulatorServer;
import dev.convergence.adapters.gcp.bus.PubSubEventBus;
import dev.convergence.adapters.gcp.launch.WorkflowsStandIn;
import dev.convergence.core.bus.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AcceptRun on real components, as the integration tests and the benchmark run it: the Pub/Sub
 * emulator with {@code run-requests} pushed to the Eventarc-style relay, the invoker serving
 * AcceptRun in its own process, Workflows as a local stand-in, and a pull subscription {@code
 * rejected-audit} on the dead-letter topic. Closing stops everything that was started.
 */
final class IntakeStack implements AutoCloseable {

  static final String WORKFLOW =
      "projects/convergence-test/locations/europe-west1/workflows/pipeline-run";

  final PubSubEmulatorServer pubsub;
  final WorkflowsStandIn workflows;
  final InvokerProcess invoker;
  final EventarcRelay relay;
  final PubSubEventBus publisher;

  private IntakeStack(
      PubSubEmulatorServer pubsub,
      WorkflowsStandIn workflows,
      InvokerProcess invoker,
      EventarcRelay relay,
      PubSubEventBus publisher) {
    this.pubsub = pubsub;
    this.workflows = workflows;
    this.invoker = invoker;
    this.relay = relay;
    this.publisher = publisher;
  }

  static IntakeStack start(Path config, Path ledger, String logLevel) throws Exception {
    List<AutoCloseable> started = new ArrayList<>();
    try {
      PubSubEmulatorServer pubsub = PubSubEmulatorServer.start();
      started.add(pubsub);
      WorkflowsStandIn workflows = WorkflowsStandIn.start();
      started.add(workflows);
      InvokerProcess invoker =
          InvokerProcess.start(
              AcceptRun.class,
              Map.of(
                  "CONVERGENCE_CONFIG_URI", config.toString(),
                  "CONVERGENCE_LEDGER", ledger.toString(),
                  "CONVERGENCE_PROJECT_ID", PubSubEmulatorServer.PROJECT,
                  "CONVERGENCE_WORKFLOW", WORKFLOW,
                  "CONVERGENCE_WORKFLOWS_ENDPOINT", workflows.endpoint(),
                  "PUBSUB_EMULATOR_HOST", pubsub.hostAndPort(),
                  "CONVERGENCE_LOG_LEVEL", logLevel));
      started.add(invoker);
      EventarcRelay relay =
          EventarcRelay.start(
              invoker.uri(),
              "projects/" + PubSubEmulatorServer.PROJECT + "/topics/" + Topics.RUN_REQUESTS);
      started.add(relay);
      pubsub.createTopic(Topics.RUN_REQUESTS);
      pubsub.createTopic(Topics.RUN_REQUESTS_REJECTED);
      pubsub.createSubscription("accept-run-push", Topics.RUN_REQUESTS, relay.pushEndpoint());
      pubsub.createSubscription("rejected-audit", Topics.RUN_REQUESTS_REJECTED, null);
      PubSubEventBus publisher =
          new PubSubEventBus(
              PubSubEmulatorServer.PROJECT,
              Optional.of(pubsub.connection()),
              Duration.ofSeconds(30));
      return new IntakeStack(pubsub, workflows, invoker, relay, publisher);
    } catch (Exception | Error e) {
      Collections.reverse(started);
      for (AutoCloseable part : started) {
        part.close();
      }
      throw e;
    }
  }

  void publish(String body, Map<String, String> attributes) {
    publisher.publish(Topics.RUN_REQUESTS, body.getBytes(UTF_8), attributes);
  }

  @Override
  public void close() throws java.io.IOException {
    publisher.close();
    relay.close();
    invoker.close();
    workflows.close();
    pubsub.close();
  }
}
