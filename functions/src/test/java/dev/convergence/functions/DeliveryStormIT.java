package dev.convergence.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convergence.adapters.embedded.store.LocalDirectoryObjectStore;
import dev.convergence.adapters.gcp.launch.WorkflowsStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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

    try (IntakeStack stack = IntakeStack.start(config, ledgerDirectory, "ERROR")) {
      EventarcRelay relay = stack.relay;
      WorkflowsStandIn workflows = stack.workflows;
      Instant began = Instant.now();
      ExecutorService publishing = Executors.newFixedThreadPool(8);
      List<Future<?>> published = new ArrayList<>();
      for (String body : deliveries) {
        published.add(publishing.submit(() -> stack.publish(body, Map.of())));
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
                  + stack.invoker.output());
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
      assertThat(stack.pubsub.drain("rejected-audit")).isEmpty();
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
