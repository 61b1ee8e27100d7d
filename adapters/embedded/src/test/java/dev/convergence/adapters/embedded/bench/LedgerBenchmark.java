package dev.convergence.adapters.embedded.bench;

import dev.convergence.adapters.embedded.store.LocalDirectoryObjectStore;
import dev.convergence.core.ledger.Admission;
import dev.convergence.core.ledger.LedgerSettings;
import dev.convergence.core.ledger.ObjectStoreRunLedger;
import dev.convergence.core.ledger.RunLedger;
import dev.convergence.core.ledger.RunState;
import dev.convergence.core.pipeline.StaticPipelineCatalog;
import dev.convergence.core.request.RunRequestValidator;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.tenant.Plan;
import dev.convergence.core.tenant.StaticTenantRegistry;
import dev.convergence.core.tenant.Tenant;
import dev.convergence.core.testing.Fixtures;
import dev.convergence.core.testing.InMemoryObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints how fast the run ledger admits and finishes runs: whole runs per second (admit, RUNNING,
 * SUCCEEDED) and the p50 and p99 latency in milliseconds of one admission, on the local directory
 * store and in memory, with 1 and 16 threads. Each run is admitted, moved to RUNNING and SUCCEEDED
 * (three ledger transitions and a slot released), over 50 enterprise tenants so that no plan limit
 * refuses any of them.
 *
 * <pre>
 * mvn -q -pl adapters/embedded -am test-compile -Dspotless.check.skip -Denforcer.skip
 * mvn -q -pl adapters/embedded org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.convergence.adapters.embedded.bench.LedgerBenchmark \
 *   -Dconvergence.log.level=WARN [-Dexec.args=2000]
 * </pre>
 */
public final class LedgerBenchmark {

  private static final int TENANTS = 50;

  private LedgerBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    System.out.printf(
        "%-18s %7s %6s %10s %10s %10s%n",
        "store", "threads", "runs", "runs/s", "admit p50", "admit p99");
    for (int threads : new int[] {1, 16}) {
      Path directory = Files.createTempDirectory("ledger-bench");
      measure("local directory", new LocalDirectoryObjectStore(directory), threads, runs);
      measure("in memory", new InMemoryObjectStore(), threads, runs);
    }
  }

  private static void measure(String name, ObjectStore store, int threads, int runs)
      throws Exception {
    List<Tenant> tenants = new ArrayList<>();
    for (int t = 0; t < TENANTS; t++) {
      tenants.add(Fixtures.tenant("bench_" + t, Plan.ENTERPRISE));
    }
    RunLedger ledger =
        new ObjectStoreRunLedger(
            store,
            new RunRequestValidator(
                StaticTenantRegistry.of(tenants),
                StaticPipelineCatalog.of(List.of(Fixtures.AWS_CUR))),
            Clock.systemUTC(),
            LedgerSettings.DEFAULT);
    long[] latencies = new long[runs];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      workers.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < runs; i = next.getAndIncrement()) {
                  String tenant = "bench_" + (i % TENANTS);
                  long began = System.nanoTime();
                  Admission admission = ledger.admit(Fixtures.request(tenant, "bench-" + i));
                  latencies[i] = System.nanoTime() - began;
                  if (admission instanceof Admission.Admitted admitted) {
                    String runId = admitted.run().runId();
                    ledger.transition(tenant, runId, RunState.RUNNING, "bench");
                    ledger.transition(tenant, runId, RunState.SUCCEEDED, "bench");
                  } else {
                    refused.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Arrays.sort(latencies);
    System.out.printf(
        "%-18s %7d %6d %10.0f %10.2f %10.2f%s%n",
        name,
        threads,
        runs,
        runs / seconds,
        latencies[runs / 2] / 1e6,
        latencies[(int) (runs * 0.99)] / 1e6,
        refused.get() == 0 ? "" : "  (" + refused.get() + " refused)");
  }
}
