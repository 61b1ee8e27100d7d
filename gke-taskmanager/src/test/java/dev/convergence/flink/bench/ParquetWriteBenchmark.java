package dev.convergence.flink.bench;

import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.flink.parquet.ParquetOutputs;
import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.FocusRow;
import dev.convergence.focus.SourceContext;
import dev.convergence.focus.aws.AwsCurReader;
import dev.convergence.focus.synth.GeneratorSettings;
import dev.convergence.focus.synth.SyntheticBillingGenerator;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.local.LocalDataOutputStream;

/**
 * Throughput of the job's FOCUS Parquet writer alone ({@link ParquetOutputs#focusRows()}), single
 * threaded: generated AWS CUR rows are converted to FOCUS rows once and held in memory, then
 * written to a local Parquet file per round, as the FileSink would between two checkpoints. Not a
 * test; run it by hand with the test class path:
 *
 * <pre>
 * java -Xmx6g -cp target/classes:target/test-classes:$(cat CP) \
 *     dev.convergence.flink.bench.ParquetWriteBenchmark [ROWS [ROUNDS [WARM_UP_ROUNDS]]]
 * </pre>
 *
 * Defaults: 1,000,000 rows, 5 timed rounds after 2 warm-up rounds. {@code -Dbench.dir} is the work
 * directory (default {@code target/parquet-bench}; the generated source is kept there and reused);
 * {@code -Dbench.keep=FILE} keeps the last round's Parquet file there, to compare outputs.
 */
public final class ParquetWriteBenchmark {

  private ParquetWriteBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000L;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Path work = Path.of(System.getProperty("bench.dir", "target/parquet-bench"));
    List<FocusRow> focus = focusRows(rows, work);
    System.out.printf(
        Locale.ROOT,
        "Parquet write benchmark: %,d FOCUS rows (AWS CUR) in memory, java %s, max heap %d MiB%n",
        focus.size(),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20);
    Path out = work.resolve("out.parquet");
    for (int i = 0; i < warmUp; i++) {
      write(focus, out);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] rates = new double[rounds];
    double[] cpuRates = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      System.gc();
      long gcBefore = gcMillis();
      long cpuBefore = threads.getCurrentThreadCpuTime();
      long started = System.nanoTime();
      write(focus, out);
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
      double gc = (gcMillis() - gcBefore) / 1e3;
      rates[i] = focus.size() / seconds;
      cpuRates[i] = focus.size() / cpu;
      System.out.printf(
          Locale.ROOT,
          "round %d: %,d rows in %.2f s (writer thread CPU %.2f s, GC %.2f s): %,.0f rows/s,"
              + " %,.0f rows per CPU-second, %.1f MB written%n",
          i + 1,
          focus.size(),
          seconds,
          cpu,
          gc,
          rates[i],
          cpuRates[i],
          Files.size(out) / 1e6);
    }
    System.out.printf(
        Locale.ROOT,
        "focusRows(): median %,.0f rows/s (best %,.0f), median %,.0f rows per CPU-second (best"
            + " %,.0f) over %d rounds, %.1f MB per file%n",
        median(rates),
        max(rates),
        median(cpuRates),
        max(cpuRates),
        rounds,
        Files.size(out) / 1e6);
    String keep = System.getProperty("bench.keep");
    if (keep != null) {
      Files.move(out, Path.of(keep), StandardCopyOption.REPLACE_EXISTING);
    } else {
      Files.deleteIfExists(out);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElse(0);
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  private static void write(List<FocusRow> rows, Path file) throws IOException {
    Files.deleteIfExists(file);
    try (LocalDataOutputStream stream = new LocalDataOutputStream(file.toFile())) {
      BulkWriter<FocusRow> writer = ParquetOutputs.focusRows().create(stream);
      for (FocusRow row : rows) {
        writer.addElement(row);
      }
      writer.finish();
    }
  }

  /** FOCUS rows converted from a generated AWS CUR file (generated once per size, then reused). */
  private static List<FocusRow> focusRows(long rows, Path work) throws IOException {
    Path source = work.resolve("aws-" + rows);
    Path file;
    if (Files.isDirectory(source)) {
      try (Stream<Path> files = Files.walk(source)) {
        file = files.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
      }
    } else {
      file =
          SyntheticBillingGenerator.generate(
                  new GeneratorSettings(
                      Provider.AWS, BillingPeriod.of(2026, 10), rows, 7, 1, 8, source))
              .get(0);
    }
    List<FocusRow> out = new ArrayList<>((int) rows);
    try (ConversionStream stream =
        AwsCurReader.open(
            Files.newInputStream(file),
            new SourceContext("t", "r", file.toString(), "2026-10-10T06:00:00Z"))) {
      stream.drain(
          out::add,
          reject -> {
            throw new IllegalStateException("unexpected reject " + reject);
          });
    }
    return out;
  }
}
