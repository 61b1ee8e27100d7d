package dev.convergence.flink;

import dev.convergence.flink.args.InputFile;
import dev.convergence.flink.args.JobArguments;
import dev.convergence.flink.args.JobArgumentsException;
import dev.convergence.flink.args.JobArgumentsParser;
import dev.convergence.focus.FocusRow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.jobgraph.JobType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * Runs the FOCUS pipeline on a local MiniCluster with the job's own arguments and configuration.
 */
final class FocusRuns {

  static final String TENANT = "acme_corp";
  static final String RUN = "acme_corp-2026-10-it";

  /** Parts small enough that every generated text file is converted in many parts. */
  static final long PART_BYTES = 16 << 10;

  private FocusRuns() {}

  static JobArguments arguments(List<InputFile> inputs, Path output, String backend, String mode)
      throws JobArgumentsException {
    return arguments(inputs, output, backend, mode, List.of());
  }

  /** The job's arguments, with {@code more} (such as {@code --rules}, {@code --history}) added. */
  static JobArguments arguments(
      List<InputFile> inputs, Path output, String backend, String mode, List<String> more)
      throws JobArgumentsException {
    List<String> args = new ArrayList<>(List.of("--run-id", RUN, "--tenant", TENANT));
    for (InputFile input : inputs) {
      args.add("--input");
      args.add(
          input.format().wireName()
              + (input.snapshotId() == null ? "" : "@" + input.snapshotId())
              + "="
              + input.uri());
    }
    args.addAll(
        List.of(
            "--output",
            output.toString(),
            "--state-backend",
            backend,
            "--runtime-mode",
            mode,
            "--parallelism",
            "2",
            "--checkpoint-interval",
            "100ms",
            "--checkpoint-dir",
            output.resolveSibling(output.getFileName() + "-checkpoints").toUri().toString()));
    args.addAll(more);
    return JobArgumentsParser.parse(args.toArray(String[]::new));
  }

  /**
   * Runs to completion; no restart unless {@code restarts} allows some. Returns how Flink ran it
   * (streaming or batch).
   */
  static JobType run(JobArguments args, int restarts, MapFunction<FocusRow, FocusRow> tap)
      throws Exception {
    Configuration conf = JobEnvironment.configuration(args);
    if (restarts == 0) {
      conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    } else {
      conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
      conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, restarts);
      conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ZERO);
    }
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(args.parallelism(), conf);
    FocusPipeline pipeline =
        new FocusPipeline(args.tenantId(), args.runId(), args.rules()).withPartBytes(PART_BYTES);
    if (tap != null) {
      pipeline = pipeline.withConversionTap(tap);
    }
    pipeline.build(env, args.inputs(), args.history(), FocusSinks.files(args.outputPrefix()));
    StreamGraph graph = env.getStreamGraph();
    graph.setJobName("focus-it");
    env.execute(graph);
    return graph.getJobType();
  }
}
