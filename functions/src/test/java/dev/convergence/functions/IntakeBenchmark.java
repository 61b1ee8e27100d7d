package dev.convergence.functions;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.convergence.adapters.embedded.store.LocalDirectoryObjectStore;
import dev.convergence.adapters.gcp.bus.PubSubEmulatorServer;
import dev.convergence.adapters.gcp.launch.WorkflowsStandIn;
import dev.convergence.core.config.ConfigDirectory;
import dev.convergence.core.intake.IntakeOutcome;
import dev.convergence.core.intake.RequestMessage;
import dev.convergence.core.intake.RunIntake;
import dev.convergence.core.ledger.LedgerSettings;
import dev.convergence.core.ledger.ObjectStoreRunLedger;
import dev.convergence.core.ledger.RunLaunches;
import dev.convergence.core.request.RunRequestParser;
import dev.convergence.core.request.RunRequestValidator;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.testing.RecordingEventBus;
import dev.convergence.core.testing.RecordingLauncher;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints intake's figures: admissions per second and p50/p99 latency in process (RunIntake on the
 * local directory ledger, with recording launcher and bus); the same end to end through the Pub/Sub
 * emulator, the relay and the invoker (publish to the workflow start); and the invoker's cold
 * start, from process start to its first answered request.
 *
 * <pre>
 * mvn -q -pl functions -am install -DskipTests -Dspotless.check.skip -Denforcer.skip
 * mvn -q -pl functions dependency:build-classpath -Dmdep.includeScope=test \
 *   -Dmdep.outputFile=/tmp/functions-test.cp
 * java -Dconvergence.log.level=ERROR \
 *   -cp functions/target/test-classes:functions/target/classes:$(cat /tmp/functions-test.cp) \
 *   dev.convergence.functions.IntakeBenchmark
 * </pre>
 */
public final class IntakeBenchmark {

  private static final int TENANTS = 80; // 80 enterprise tenants hold 2,000 runs at once

  private IntakeBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("intake-bench");
    Path config = LoadTenants.write(work.resolve("config"), "bench", TENANTS);
    inProcess(config, work, 1, 2_000);
    inProcess(config, work, 8, 2_000);
    endToEnd(config, work, 500);
    for (int i = 1; i <= 3; i++) {
      coldStart(config, work, i);
    }
  }

  private static void inProcess(Path config, Path work, int threads, int count) throws Exception {
    ConfigDirectory directory = ConfigDirectory.load(config);
    ObjectStore store =
        new LocalDirectoryObjectStore(Files.createTempDirectory(work, "ledger-" + threads));
    Clock clock = Clock.systemUTC();
    RunIntake intake =
        new RunIntake(
            new RunRequestParser(clock),
            new ObjectStoreRunLedger(
                store,
                new RunRequestValidator(directory.tenants(), directory.pipelines()),
                clock,
                LedgerSettings.DEFAULT),
            new RunLaunches(store, clock, LedgerSettings.DEFAULT),
            new RecordingLauncher(),
            new RecordingEventBus());
    long[] latencies = new long[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long began = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      workers.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                  byte[] body =
                      LoadTenants.request("bench", i % TENANTS, i / TENANTS).getBytes(UTF_8);
                  long start = System.nanoTime();
                  IntakeOutcome outcome =
                      intake.accept(new RequestMessage(body, Map.of(), "m" + i, Instant.now()));
                  latencies[i] = System.nanoTime() - start;
                  if (!(outcome instanceof IntakeOutcome.Accepted)) {
                    refused.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    pool.shutdown();
    print("in process, " + threads + " thread(s)", count, seconds, latencies, refused.get());
  }

  private static void endToEnd(Path config, Path work, int count) throws Exception {
    Path ledger = Files.createTempDirectory(work, "ledger-e2e");
    try (IntakeStack stack = IntakeStack.start(config, ledger, "ERROR")) {
      WorkflowsStandIn workflows = stack.workflows;
      int oneAtATime = 50;
      long[] unloaded = new long[oneAtATime];
      for (int i = 0; i < oneAtATime; i++) {
        int seen = workflows.requests().size();
        long start = System.nanoTime();
        stack.publish(LoadTenants.request("bench", i % TENANTS, 100 + i / TENANTS), Map.of());
        while (workflows.requests().size() == seen) {
          Thread.sleep(1);
        }
        unloaded[i] = System.nanoTime() - start;
      }
      print("emulator + invoker, 1 by 1", oneAtATime, sum(unloaded) / 1e9, unloaded, 0);
      int before = workflows.requests().size();
      Map<String, Instant> published = new HashMap<>();
      long began = System.nanoTime();
      for (int i = 0; i < count; i++) {
        String requestId = "bench-" + (i % TENANTS) + "-" + (i / TENANTS);
        published.put(requestId, Instant.now());
        stack.publish(LoadTenants.request("bench", i % TENANTS, i / TENANTS), Map.of());
      }
      Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
      while (workflows.requests().size() < before + count && Instant.now().isBefore(giveUp)) {
        Thread.sleep(50);
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      long[] latencies =
          workflows.requests().stream()
              .skip(before)
              .mapToLong(
                  r -> {
                    String id = r.argument().get("request").get("request_id").asText();
                    return Duration.between(published.get(id), r.received()).toNanos();
                  })
              .toArray();
      print(
          "emulator + invoker, burst",
          latencies.length,
          seconds,
          latencies,
          count - latencies.length);
    }
  }

  private static void coldStart(Path config, Path work, int attempt) throws Exception {
    Path ledger = Files.createTempDirectory(work, "ledger-cold");
    try (PubSubEmulatorServer pubsub = attempt == 1 ? PubSubEmulatorServer.start() : null) {
      Map<String, String> environment = new HashMap<>();
      environment.put("CONVERGENCE_CONFIG_URI", config.toString());
      environment.put("CONVERGENCE_LEDGER", ledger.toString());
      environment.put("CONVERGENCE_PROJECT_ID", PubSubEmulatorServer.PROJECT);
      environment.put(
          "CONVERGENCE_WORKFLOW",
          "projects/convergence-test/locations/europe-west1/workflows/pipeline-run");
      try (WorkflowsStandIn workflows = WorkflowsStandIn.start()) {
        environment.put("CONVERGENCE_WORKFLOWS_ENDPOINT", workflows.endpoint());
        Instant processStart = Instant.now();
        try (InvokerProcess invoker = InvokerProcess.start(AcceptRun.class, environment)) {
          HttpClient client = HttpClient.newHttpClient();
          byte[] push =
              AcceptRunTest.pushBody(
                  LoadTenants.request("bench", 0, 1000 + attempt).getBytes(UTF_8),
                  Map.of(),
                  "cold-" + attempt);
          HttpResponse<Void> answer =
              client.send(
                  HttpRequest.newBuilder(invoker.uri())
                      .header("ce-specversion", "1.0")
                      .header("ce-id", "cold-" + attempt)
                      .header("ce-source", "//pubsub.googleapis.com/projects/p/topics/run-requests")
                      .header("ce-type", "google.cloud.pubsub.topic.v1.messagePublished")
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(push))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
          Duration firstAnswer = Duration.between(processStart, Instant.now());
          System.out.printf(
              "cold start %d: port open after %d ms, first request answered (%d) after %d ms%n",
              attempt, invoker.startup().toMillis(), answer.statusCode(), firstAnswer.toMillis());
        }
      }
    }
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long value : values) {
      total += value;
    }
    return total;
  }

  private static void print(String what, int count, double seconds, long[] latencies, int refused) {
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-26s %6d requests %9.0f/s   p50 %7.2f ms   p99 %7.2f ms%s%n",
        what,
        count,
        count / seconds,
        sorted[sorted.length / 2] / 1e6,
        sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6,
        refused == 0 ? "" : "   (" + refused + " not accepted)");
  }
}
