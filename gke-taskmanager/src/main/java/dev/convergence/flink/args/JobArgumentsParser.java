package dev.convergence.flink.args;

import dev.convergence.core.config.ConfigException;
import dev.convergence.core.pipeline.ProcessingRules;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.flink.core.fs.Path;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Reads the job's command line into {@link JobArguments}. picocli handles the syntax (unknown
 * options, missing values); the values are checked here so that every problem is reported at once,
 * each on its own line starting with the option at fault.
 */
public final class JobArgumentsParser {

  static final int MAX_PARALLELISM = 512;
  static final Duration MIN_CHECKPOINT_INTERVAL = Duration.ofMillis(10);

  private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9_]{3,50}");
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final Pattern INPUT = Pattern.compile("([a-z0-9-]+)(?:@([^=]*))?=(.+)");

  private JobArgumentsParser() {}

  /** The command line's shape, as picocli reads it; values stay text until checked. */
  @Command(
      name = "focus-job",
      description = "Converts provider billing files to FOCUS 1.2 Parquet, exactly once.")
  static final class Options {
    @Option(names = "--run-id", description = "run id, stamped as x_run_id")
    String runId;

    @Option(names = "--tenant", description = "tenant id: 3-50 of a-z 0-9 _")
    String tenant;

    @Option(
        names = "--input",
        description =
            "FORMAT[@DELIVERED_AT]=PATH, repeatable; DELIVERED_AT (an ISO-8601 UTC instant) names"
                + " an AWS or Azure snapshot")
    List<String> inputs = new ArrayList<>();

    @Option(
        names = "--manifest",
        description =
            "the run's manifest (staging/TENANT/RUN/manifest.json, written by ingest): its"
                + " objects are the inputs; instead of --input")
    String manifest;

    @Option(
        names = "--source-root",
        description =
            "where the manifest's object keys are (a directory or gs://bucket); default: the"
                + " store the manifest is in")
    String sourceRoot;

    @Option(names = "--output", description = "output prefix (a directory or gs:// prefix)")
    String output;

    @Option(
        names = "--rules",
        description =
            "JSON file with the tenant's allocation and the pipeline's anomaly settings;"
                + " default: no allocation rules, default anomaly settings")
    String rules;

    @Option(
        names = "--history",
        description =
            "earlier runs' daily aggregates (Parquet file or directory), repeatable: seeds the"
                + " anomaly baselines")
    List<String> history = new ArrayList<>();

    @Option(names = "--state-backend", description = "heap or rocksdb (default)")
    String stateBackend = "rocksdb";

    @Option(names = "--runtime-mode", description = "streaming (default) or batch")
    String runtimeMode = "streaming";

    @Option(names = "--parallelism", description = "1 to 512, default 2")
    String parallelism = "2";

    @Option(names = "--checkpoint-interval", description = "a duration, default 30s")
    String checkpointInterval = "30s";

    @Option(
        names = "--checkpoint-dir",
        description =
            "where checkpoints go (a directory or gs:// prefix); default: the cluster's"
                + " execution.checkpointing.dir")
    String checkpointDir;
  }

  public static JobArguments parse(String... args) throws JobArgumentsException {
    Options o = new Options();
    try {
      new CommandLine(o).parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new JobArgumentsException(List.of(e.getMessage()));
    }
    List<String> problems = new ArrayList<>();
    String runId = required("--run-id", o.runId, problems);
    if (runId != null && !RUN_ID.matcher(runId).matches()) {
      problems.add(
          "--run-id: '" + runId + "' is not a run id: 1 to 128 characters of A-Z a-z 0-9 . _ : -");
    }
    String tenant = required("--tenant", o.tenant, problems);
    if (tenant != null && !TENANT_ID.matcher(tenant).matches()) {
      problems.add(
          "--tenant: '" + tenant + "' is not a tenant id: 3 to 50 characters of a-z 0-9 _");
    }
    List<InputFile> inputs;
    if (o.manifest == null) {
      inputs = inputs(o.inputs, problems);
      if (o.sourceRoot != null) {
        problems.add("--source-root: only goes with --manifest");
      }
    } else if (!o.inputs.isEmpty()) {
      problems.add("--manifest: give the inputs either by --manifest or by --input, not both");
      inputs = List.of();
    } else {
      inputs = ManifestInputs.read(o.manifest, o.sourceRoot, runId, tenant, problems);
    }
    String output = required("--output", o.output, problems);
    StateBackendKind backend = null;
    for (StateBackendKind k : StateBackendKind.values()) {
      if (k.wireName().equals(o.stateBackend)) {
        backend = k;
      }
    }
    if (backend == null) {
      problems.add("--state-backend: '" + o.stateBackend + "' is not one of heap, rocksdb");
    }
    RuntimeModeKind mode = null;
    for (RuntimeModeKind k : RuntimeModeKind.values()) {
      if (k.wireName().equals(o.runtimeMode)) {
        mode = k;
      }
    }
    if (mode == null) {
      problems.add("--runtime-mode: '" + o.runtimeMode + "' is not one of streaming, batch");
    }
    int parallelism = parallelism(o.parallelism, problems);
    Duration interval = checkpointInterval(o.checkpointInterval, problems);
    ProcessingRules rules = rules(o.rules, problems);
    List<String> history = history(o.history, problems);
    if (!problems.isEmpty()) {
      throw new JobArgumentsException(problems);
    }
    return new JobArguments(
        runId,
        tenant,
        inputs,
        history,
        output,
        rules,
        backend,
        mode,
        parallelism,
        interval,
        o.checkpointDir);
  }

  private static String required(String option, String value, List<String> problems) {
    if (value == null || value.isBlank()) {
      problems.add(option + ": is required");
      return null;
    }
    return value;
  }

  private static List<InputFile> inputs(List<String> specs, List<String> problems) {
    List<InputFile> inputs = new ArrayList<>();
    if (specs.isEmpty()) {
      problems.add("--input: at least one is required (or --manifest)");
    }
    Set<String> seen = new HashSet<>();
    for (String spec : specs) {
      String where = "--input '" + spec + "': ";
      var m = INPUT.matcher(spec);
      if (!m.matches()) {
        problems.add(where + "expected FORMAT[@DELIVERED_AT]=PATH");
        continue;
      }
      var format = InputFormat.fromWireName(m.group(1));
      if (format.isEmpty()) {
        problems.add(
            where
                + "unknown format '"
                + m.group(1)
                + "'; known formats: "
                + InputFormat.wireNames());
        continue;
      }
      InputFormat f = format.get();
      String path = m.group(3);
      if (!seen.add(path)) {
        problems.add(where + "the file is already given");
        continue;
      }
      String delivered = m.group(2);
      if (!f.snapshots()) {
        if (delivered != null) {
          problems.add(where + f + " extracts are append-only and take no @DELIVERED_AT");
        } else {
          inputs.add(InputFile.appendOnly(f, path));
        }
        continue;
      }
      if (delivered == null) {
        problems.add(
            where
                + f
                + " files are snapshots: name the delivery, as "
                + f
                + "@2026-10-05T06:00:00Z=PATH");
        continue;
      }
      try {
        inputs.add(InputFile.snapshot(f, Instant.parse(delivered).toString(), path));
      } catch (DateTimeParseException e) {
        problems.add(
            where
                + "'"
                + delivered
                + "' is not an ISO-8601 UTC instant such as 2026-10-05T06:00:00Z");
      }
    }
    return inputs;
  }

  private static ProcessingRules rules(String location, List<String> problems) {
    if (location == null) {
      return ProcessingRules.DEFAULT;
    }
    byte[] content;
    try {
      Path path = new Path(location);
      try (InputStream in = path.getFileSystem().open(path)) {
        content = in.readAllBytes();
      }
    } catch (IOException | IllegalArgumentException e) {
      problems.add("--rules: cannot read " + location + ": " + e.getMessage());
      return null;
    }
    try {
      return ProcessingRules.read(content, location);
    } catch (ConfigException e) {
      e.problems().forEach(problem -> problems.add("--rules: " + problem));
      return null;
    }
  }

  private static List<String> history(List<String> paths, List<String> problems) {
    Set<String> seen = new HashSet<>();
    for (String path : paths) {
      if (path.isBlank()) {
        problems.add("--history: a path is empty");
      } else if (!seen.add(path)) {
        problems.add("--history '" + path + "': is already given");
      }
    }
    return List.copyOf(paths);
  }

  private static int parallelism(String value, List<String> problems) {
    try {
      int p = Integer.parseInt(value);
      if (p >= 1 && p <= MAX_PARALLELISM) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        "--parallelism: '" + value + "' is not a whole number from 1 to " + MAX_PARALLELISM);
    return 0;
  }

  private static Duration checkpointInterval(String value, List<String> problems) {
    Duration d;
    try {
      d = TimeUtils.parseDuration(value);
    } catch (IllegalArgumentException e) {
      problems.add(
          "--checkpoint-interval: '" + value + "' is not a duration such as 30s, 500ms or 2min");
      return null;
    }
    if (d.compareTo(MIN_CHECKPOINT_INTERVAL) < 0) {
      problems.add("--checkpoint-interval: must be at least 10ms; got " + value);
      return null;
    }
    return d;
  }

  /** The usage text, for the entry point to print after an error. */
  public static String usage() {
    return new CommandLine(new Options()).getUsageMessage();
  }
}
