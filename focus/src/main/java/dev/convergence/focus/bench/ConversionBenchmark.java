package dev.convergence.focus.bench;

import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.ConversionTally;
import dev.convergence.focus.SourceContext;
import dev.convergence.focus.aws.AwsCurReader;
import dev.convergence.focus.azure.AzureCostExportReader;
import dev.convergence.focus.azure.AzureCostKind;
import dev.convergence.focus.azure.AzureLayout;
import dev.convergence.focus.gcp.GcpBillingExportReader;
import dev.convergence.focus.synth.GeneratorSettings;
import dev.convergence.focus.synth.SyntheticBillingGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Throughput of each reader and mapper, single-threaded, on generated data: rows per second and
 * peak heap use while converting. Not a test; run it by hand:
 *
 * <pre>
 * java -Xmx256m -cp ... dev.convergence.focus.bench.ConversionBenchmark [ROWS [WORK_DIR]]
 * </pre>
 *
 * A small heap shows the readers stream: they convert any file size in the same memory.
 */
public final class ConversionBenchmark {

  private ConversionBenchmark() {}

  public static void main(String[] args) throws IOException {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("focus-bench");
    System.out.printf(
        Locale.ROOT,
        "java %s, max heap %d MiB, %d rows per provider, work dir %s%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        rows,
        work);
    for (Provider provider : Provider.values()) {
      Path file =
          SyntheticBillingGenerator.generate(
                  new GeneratorSettings(
                      provider,
                      BillingPeriod.of(2026, 10),
                      rows,
                      20261001L,
                      1,
                      64,
                      work.resolve(provider.wireName())))
              .get(0);
      run(provider, file, true);
      run(provider, file, false);
    }
  }

  private static void run(Provider provider, Path file, boolean warmUp) throws IOException {
    System.gc();
    resetPeaks();
    long started = System.nanoTime();
    BigDecimal[] billed = {BigDecimal.ZERO};
    ConversionTally tally;
    try (ConversionStream stream = open(provider, file)) {
      tally =
          stream.drain(
              row -> billed[0] = billed[0].add(row.billedCost()),
              reject -> {
                throw new IllegalStateException("unexpected reject " + reject);
              });
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (warmUp) {
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "%-6s %,d source records -> %,d FOCUS rows in %.2f s: %,.0f records/s, peak heap %d"
            + " MiB, file %d MiB, BilledCost %s%n",
        provider,
        tally.inputRecords(),
        tally.outputRows(),
        seconds,
        tally.inputRecords() / seconds,
        peakHeap() >> 20,
        Files.size(file) >> 20,
        billed[0].toPlainString());
  }

  private static ConversionStream open(Provider provider, Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    SourceContext context = new SourceContext("bench", "bench-run", file.toString(), "snapshot-1");
    return switch (provider) {
      case AWS -> AwsCurReader.open(in, context);
      case AZURE -> AzureCostExportReader.open(in, context, AzureLayout.EA, AzureCostKind.ACTUAL);
      case GCP ->
          GcpBillingExportReader.openJsonLines(
              in, SourceContext.appendOnly("bench", "bench-run", file.toString()));
    };
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
