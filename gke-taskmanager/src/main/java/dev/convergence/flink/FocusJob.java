package dev.convergence.flink;

import dev.convergence.flink.args.JobArguments;
import dev.convergence.flink.args.JobArgumentsException;
import dev.convergence.flink.args.JobArgumentsParser;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the FOCUS processing job: reads the arguments, builds the real sources and sinks,
 * hands them to {@link FocusPipeline} and runs it. Bad arguments stop it before anything starts
 * (exit 2); a failed run exits 1.
 */
public final class FocusJob {

  private static final Logger LOG = LoggerFactory.getLogger(FocusJob.class);

  private FocusJob() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /**
   * Runs the job to its end in this JVM (a MiniCluster when not submitted to a cluster) and says
   * how it went: 0 done, 1 failed, 2 bad arguments (nothing started).
   */
  public static int execute(String... args) {
    JobArguments arguments;
    try {
      arguments = JobArgumentsParser.parse(args);
    } catch (JobArgumentsException e) {
      System.err.println(e.getMessage());
      System.err.println(JobArgumentsParser.usage());
      return 2;
    }
    try {
      run(arguments);
      return 0;
    } catch (Exception e) {
      LOG.error("FOCUS job {} for tenant {} failed", arguments.runId(), arguments.tenantId(), e);
      return 1;
    }
  }

  static void run(JobArguments args) throws Exception {
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(JobEnvironment.configuration(args));
    new FocusPipeline(args.tenantId(), args.runId(), args.rules())
        .build(env, args.inputs(), args.history(), FocusSinks.files(args.outputPrefix()));
    env.execute("focus " + args.tenantId() + "/" + args.runId());
  }
}
