package dev.convergence.flink.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.flink.FocusPipeline;
import dev.convergence.flink.FocusSinks;
import dev.convergence.flink.JobEnvironment;
import dev.convergence.flink.args.JobArguments;
import dev.convergence.flink.args.JobArgumentsParser;
import dev.convergence.focus.synth.GeneratorSettings;
import dev.convergence.focus.synth.SyntheticBillingGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The FOCUS job end to end on this machine, on generated AWS CUR data (two month-to-date snapshots,
 * so restatement has work to do): rows per second and per core, and peak memory, for heap and
 * RocksDB state in streaming and batch mode; and DuckDB doing the equivalent conversion,
 * restatement and daily aggregation as SQL over the same files. Each measurement runs in its own
 * JVM, so a peak belongs to one configuration, and starts with the input files in the page cache
 * (they are read once just before), so that none pays for the disk and the last does not gain from
 * the runs before it.
 *
 * <pre>
 * bench/flink-job.sh [ROWS ...]     (default 1000000)
 * </pre>
 */
public final class FocusJobBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PARALLELISM = 2;

  private FocusJobBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(args);
      return;
    }
    Path work = Path.of(System.getProperty("bench.dir", "target/focus-bench"));
    List<Long> sizes = new ArrayList<>();
    for (String a : args) {
      sizes.add(Long.parseLong(a.replace("_", "")));
    }
    if (sizes.isEmpty()) {
      sizes.add(1_000_000L);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(
        Locale.ROOT,
        "FOCUS job benchmark: AWS CUR, 2 snapshots, parallelism %d on %d cores, Java %s%n",
        PARALLELISM,
        cores,
        System.getProperty("java.version"));
    List<String> table = new ArrayList<>();
    table.add(
        String.format(
            Locale.ROOT,
            "| %-10s | %-22s | %11s | %9s | %10s | %15s | %13s |",
            "rows",
            "engine",
            "input rows",
            "seconds",
            "rows/s",
            "rows/s per core",
            "peak RSS MiB"));
    table.add(
        "|"
            + "-".repeat(12)
            + "|"
            + "-".repeat(24)
            + "|"
            + "-".repeat(13)
            + "|"
            + "-".repeat(11)
            + "|"
            + "-".repeat(12)
            + "|"
            + "-".repeat(17)
            + "|"
            + "-".repeat(15)
            + "|");
    for (long rows : sizes) {
      Path data = work.resolve("aws-" + rows);
      List<Path> snapshots = generate(rows, data);
      long flinkSeconds = 0;
      for (String[] config :
          List.of(
              new String[] {"heap", "streaming"},
              new String[] {"rocksdb", "streaming"},
              new String[] {"heap", "batch"},
              new String[] {"rocksdb", "batch"})) {
        Path out = work.resolve("out-" + rows + "-" + config[0] + "-" + config[1]);
        deleteTree(out);
        deleteTree(Path.of(out + "-checkpoints"));
        List<String> childArgs =
            new ArrayList<>(List.of("flink", out.toString(), config[0], config[1]));
        snapshots.forEach(s -> childArgs.add(s.toString()));
        readThrough(snapshots);
        JsonNode r = fork(childArgs);
        if (config[0].equals("heap") && config[1].equals("streaming")) {
          flinkSeconds = r.path("nanos").asLong();
        }
        table.add(line(rows, "Flink " + config[0] + " " + config[1], r, cores));
      }
      Path duck = work.resolve("out-" + rows + "-duckdb");
      deleteTree(duck);
      List<String> childArgs = new ArrayList<>(List.of("duckdb", duck.toString(), "-", "-"));
      snapshots.forEach(s -> childArgs.add(s.toString()));
      readThrough(snapshots);
      JsonNode d = fork(childArgs);
      table.add(line(rows, "DuckDB SQL", d, cores));
      table.add(
          String.format(
              Locale.ROOT,
              "| %-10s | %-22s | %11s | %9s | %10s | %15s | %13s |",
              "",
              "Flink heap / DuckDB",
              "",
              String.format(Locale.ROOT, "%.2f×", flinkSeconds / (double) d.path("nanos").asLong()),
              "",
              "",
              ""));
    }
    table.forEach(System.out::println);
  }

  private static String line(long rows, String engine, JsonNode r, int cores) {
    double seconds = r.path("nanos").asLong() / 1e9;
    long input = r.path("input_rows").asLong();
    return String.format(
        Locale.ROOT,
        "| %-10s | %-22s | %,11d | %9.1f | %,10.0f | %,15.0f | %,13d |",
        String.format(Locale.ROOT, "%,d", rows),
        engine,
        input,
        seconds,
        input / seconds,
        input / seconds / Math.min(cores, PARALLELISM),
        r.path("peak_rss_kib").asLong() / 1024);
  }

  private static List<Path> generate(long rows, Path data) throws IOException {
    Path done = data.resolve("complete");
    List<Path> files = new ArrayList<>();
    if (!Files.exists(done)) {
      deleteTree(data);
      long start = System.nanoTime();
      files.addAll(
          SyntheticBillingGenerator.generate(
              new GeneratorSettings(
                  Provider.AWS, BillingPeriod.of(2026, 10), rows, 7, 2, 8, data)));
      Files.writeString(done, "");
      System.out.printf(
          Locale.ROOT, "generated %,d rows in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
    } else {
      for (int k = 1; k <= 2; k++) {
        files.add(data.resolve("snapshot-" + k).resolve("cur-2026-10-00001.csv"));
      }
    }
    return files;
  }

  /** Reads the files once, to have them in the page cache. */
  private static void readThrough(List<Path> files) throws IOException {
    byte[] buffer = new byte[1 << 20];
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        while (in.read(buffer) >= 0) {
          // only the reading matters
        }
      }
    }
  }

  private static JsonNode fork(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + System.getProperty("bench.xmx", "6g"));
    command.add("-Dconvergence.log.level=WARN");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(FocusJobBenchmark.class.getName());
    command.add("--child");
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    JsonNode result = null;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("RESULT ")) {
          result = JSON.readTree(line.substring("RESULT ".length()));
        } else if (line.contains("ERROR") || line.contains("Exception")) {
          System.out.println("  " + line);
        }
      }
    }
    if (p.waitFor() != 0 || result == null) {
      throw new IllegalStateException("benchmark run " + args.subList(0, 4) + " failed");
    }
    System.out.println("  " + args.get(0) + " " + args.get(2) + " " + args.get(3) + ": " + result);
    return result;
  }

  private static void child(String[] args) throws Exception {
    String engine = args[1];
    Path out = Path.of(args[2]);
    List<String> files = List.of(args).subList(5, args.length);
    long start = System.nanoTime();
    long inputRows =
        engine.equals("flink") ? flink(out, args[3], args[4], files) : duckdb(out, files);
    long nanos = System.nanoTime() - start;
    System.out.println(
        "RESULT "
            + JSON.createObjectNode()
                .put("nanos", nanos)
                .put("input_rows", inputRows)
                .put("peak_rss_kib", peakRssKib())
                .put("peak_heap_mib", peakHeapBytes() / (1024 * 1024)));
  }

  private static long flink(Path out, String backend, String mode, List<String> files)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--run-id",
                "bench-1",
                "--tenant",
                "bench_co",
                "--output",
                out.toString(),
                "--state-backend",
                backend,
                "--runtime-mode",
                mode,
                "--parallelism",
                String.valueOf(PARALLELISM),
                "--checkpoint-interval",
                "10s",
                "--checkpoint-dir",
                out.resolveSibling(out.getFileName() + "-checkpoints").toUri().toString()));
    for (int k = 0; k < files.size(); k++) {
      args.add("--input");
      args.add(
          "aws-cur@2026-10-" + String.format("%02d", 10 * (k + 1)) + "T06:00:00Z=" + files.get(k));
    }
    JobArguments parsed = JobArgumentsParser.parse(args.toArray(String[]::new));
    Configuration conf = JobEnvironment.configuration(parsed);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(parsed.parallelism(), conf);
    new FocusPipeline(parsed.tenantId(), parsed.runId(), parsed.rules())
        .build(env, parsed.inputs(), parsed.history(), FocusSinks.files(parsed.outputPrefix()));
    env.execute("focus-benchmark");
    JsonNode outputs = summary(out).path("outputs");
    return outputs.path("focus_rows").path("rows").asLong()
        + outputs.path("rejects").path("rows").asLong()
        + outputs.path("superseded_snapshot_rows").path("rows").asLong()
        + outputs.path("duplicate_rows").path("rows").asLong();
  }

  /**
   * The same work as SQL: read every snapshot, keep the newest per payer and period, map the CUR
   * columns the daily aggregates and the main FOCUS columns need, write FOCUS rows and daily
   * aggregates as Parquet.
   */
  private static long duckdb(Path out, List<String> files) throws Exception {
    Files.createDirectories(out);
    Properties props = new Properties();
    props.setProperty("autoinstall_known_extensions", "false");
    props.setProperty("threads", String.valueOf(PARALLELISM));
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:", props);
        Statement s = db.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      s.execute("SET preserve_insertion_order = false");
      String list = String.join("', '", files);
      s.execute(
          "CREATE TEMP TABLE src AS SELECT * FROM read_csv(['"
              + list
              + "'], header = true, all_varchar = true, filename = true)");
      long input;
      try (var rs = s.executeQuery("SELECT count(*) FROM src")) {
        rs.next();
        input = rs.getLong(1);
      }
      s.execute(
          """
          CREATE TEMP VIEW focus AS
          WITH newest AS (
            SELECT "bill/PayerAccountId" AS payer, "bill/BillingPeriodStartDate" AS period,
                   max(filename) AS file
            FROM src GROUP BY ALL)
          SELECT CAST(s."lineItem/UnblendedCost" AS DECIMAL(38, 18)) AS BilledCost,
                 s."bill/PayerAccountId" AS BillingAccountId,
                 s."lineItem/CurrencyCode" AS BillingCurrency,
                 CAST(s."bill/BillingPeriodStartDate" AS TIMESTAMPTZ) AS BillingPeriodStart,
                 CAST(s."bill/BillingPeriodEndDate" AS TIMESTAMPTZ) AS BillingPeriodEnd,
                 CASE WHEN s."lineItem/LineItemType" IN ('Tax') THEN 'Tax'
                      WHEN s."lineItem/LineItemType" IN ('Credit', 'Refund', 'EdpDiscount')
                        THEN 'Credit'
                      WHEN s."lineItem/LineItemType" IN ('RIFee', 'SavingsPlanRecurringFee')
                        THEN 'Purchase'
                      ELSE 'Usage' END AS ChargeCategory,
                 CAST(s."lineItem/UsageStartDate" AS TIMESTAMPTZ) AS ChargePeriodStart,
                 CAST(s."lineItem/UsageEndDate" AS TIMESTAMPTZ) AS ChargePeriodEnd,
                 CAST(coalesce(nullif(s."reservation/EffectiveCost", ''),
                               nullif(s."savingsPlan/SavingsPlanEffectiveCost", ''),
                               s."lineItem/UnblendedCost") AS DECIMAL(38, 18)) AS EffectiveCost,
                 CAST(nullif(s."pricing/publicOnDemandCost", '') AS DECIMAL(38, 18)) AS ListCost,
                 s."product/ProductName" AS ServiceName,
                 s."product/region" AS RegionId,
                 s."lineItem/UsageAccountId" AS SubAccountId,
                 s."lineItem/ResourceId" AS ResourceId,
                 s."identity/LineItemId" AS x_source_row_id,
                 s.filename AS x_source_file
          FROM src s JOIN newest n
            ON s."bill/PayerAccountId" = n.payer
           AND s."bill/BillingPeriodStartDate" = n.period AND s.filename = n.file
          """);
      s.execute("COPY focus TO '" + out.resolve("focus.parquet") + "' (FORMAT parquet)");
      s.execute(
          "COPY (SELECT CAST(ChargePeriodStart AS DATE) AS charge_day, BillingPeriodStart,"
              + " BillingAccountId, SubAccountId, ServiceName, RegionId, ChargeCategory,"
              + " BillingCurrency, sum(BilledCost) AS billed_cost,"
              + " sum(EffectiveCost) AS effective_cost, sum(ListCost) AS list_cost,"
              + " count(*) AS row_count FROM read_parquet('"
              + out.resolve("focus.parquet")
              + "') GROUP BY ALL) TO '"
              + out.resolve("daily.parquet")
              + "' (FORMAT parquet)");
      return input;
    }
  }

  private static JsonNode summary(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out.resolve("summary"))) {
      Path file =
          files.filter(f -> f.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
      return JSON.readTree(Files.readAllLines(file).get(0));
    }
  }

  /** The process's peak resident set (VmHWM), in KiB; 0 where /proc does not tell. */
  private static long peakRssKib() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return 0;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  private static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
