package dev.convergence.functions;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convergence.adapters.embedded.store.LocalDirectoryObjectStore;
import dev.convergence.adapters.gcp.bus.PubSubEmulatorServer;
import dev.convergence.adapters.gcp.bus.PubSubEventBus;
import dev.convergence.adapters.gcp.launch.WorkflowsStandIn;
import dev.convergence.core.bus.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delivery storm through the real emulator and invoker: 2,000 distinct run requests from 80
 * tenants, 30% of them published two or three times and all shuffled together, give exactly one run
 * and one workflow execution per distinct request.
 */
class DeliveryStormIT {

  private static final int TENANTS = 80;
  private static final int REQUESTS_PER_TENANT = 25; // an enterprise plan's concurrent runs
  private static final long SEED = 20261122L;

  @TempDir Path work;

  @Test
  void aStormOfRedeliveriesGivesOneRunAndOneLaunchPerDistinctRequest() throws Exception {
    Path config = LoadTenants.write(work.resolve("config"), "storm", TENANTS);
    Path ledgerDirectory = Files.createDirectories(work.resolve("ledger"));
    List<String> deliveries = deliveries();

    try (PubSubEmulatorServer pubsub = PubSubEmulatorServer.start();
        WorkflowsStandIn workflows = WorkflowsStandIn.start();
        InvokerProcess invoker =
            InvokerProcess.start(
                AcceptRun.class,
                Map.of(
                    "CONVERGENCE_CONFIG_URI", config.toString(),
                    "CONVERGENCE_LEDGER", ledgerDirectory.toString(),
                    "CONVERGENCE_PROJECT_ID", PubSubEmulatorServer.PROJECT,
                    "CONVERGENCE_WORKFLOW",
                        "projects/convergence-test/locations/europe-west1/workflows/pipeline-run",
                    "CONVERGENCE_WORKFLOWS_ENDPOINT", workflows.endpoint(),
                    "PUBSUB_EMULATOR_HOST", pubsub.hostAndPort(),
                    "CONVERGENCE_LOG_LEVEL", "ERROR"));
        EventarcRelay relay =
            EventarcRelay.start(
                invoker.uri(),
                "projects/" + PubSubEmulatorServer.PROJECT + "/topics/run-requests");
        PubSubEventBus publisher =
            new PubSubEventBus(
                PubSubEmulatorServer.PROJECT,
                Optional.of(pubsub.connection()),
                Duration.ofSeconds(30))) {
      pubsub.createTopic(Topics.RUN_REQUESTS);
      pubsub.createTopic(Topics.RUN_REQUESTS_REJECTED);
      pubsub.createSubscription("accept-run-push", Topics.RUN_REQUESTS, relay.pushEndpoint());
      pubsub.createSubscription("rejected-audit", Topics.RUN_REQUESTS_REJECTED, null);

      Instant began = Instant.now();
      ExecutorService publishing = Executors.newFixedThreadPool(8);
      List<Future<?>> published = new ArrayList<>();
      for (String body : deliveries) {
        published.add(
            publishing.submit(
                () -> publisher.publish(Topics.RUN_REQUESTS, body.getBytes(UTF_8), Map.of())));
      }
      for (Future<?> message : published) {
        message.get();
      }
      publishing.shutdown();
      Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
      while (relay.succeeded() < deliveries.size()) {
        if (Instant.now().isAfter(giveUp)) {
          throw new AssertionError(
              relay.succeeded()
                  + " of "
                  + deliveries.size()
                  + " deliveries answered\n"
                  + invoker.output());
        }
        Thread.sleep(200);
      }
      Duration took = Duration.between(began, Instant.now());
      System.out.printf(
          "storm: %d deliveries (%d distinct) answered in %d ms, %d failed and redelivered%n",
          deliveries.size(), TENANTS * REQUESTS_PER_TENANT, took.toMillis(), relay.failed());

      Map<String, Long> executionsPerRequest =
          workflows.requests().stream()
              .map(r -> r.argument().get("request").get("request_id").asText())
              .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertThat(executionsPerRequest).hasSize(TENANTS * REQUESTS_PER_TENANT);
      assertThat(executionsPerRequest.values()).containsOnly(1L);
      LocalDirectoryObjectStore ledger = new LocalDirectoryObjectStore(ledgerDirectory);
      assertThat(ledger.list("ledger/runs/")).hasSize(TENANTS * REQUESTS_PER_TENANT);
      assertThat(ledger.list("ledger/launches/")).hasSize(TENANTS * REQUESTS_PER_TENANT);
      assertThat(pubsub.drain("rejected-audit")).isEmpty();
    }
  }

  /** Every distinct request once, 30% of them once or twice more, shuffled together. */
  private static List<String> deliveries() {
    Random random = new Random(SEED);
    List<String> deliveries = new ArrayList<>();
    int distinct = 0;
    for (int t = 0; t < TENANTS; t++) {
      for (int r = 0; r < REQUESTS_PER_TENANT; r++) {
        String body = LoadTenants.request("storm", t, r);
        deliveries.add(body);
        if (distinct++ % 10 < 3) {
          deliveries.add(body);
          if (random.nextBoolean()) {
            deliveries.add(body);
          }
        }
      }
    }
    Collections.shuffle(deliveries, random);
    return deliveries;
  }
}
