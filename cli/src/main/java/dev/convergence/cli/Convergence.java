package dev.convergence.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code convergence} command: Convergence on one machine, with embedded defaults (a data
 * directory for the buckets and the ledger, DuckDB for the warehouse, an in-process bus, the local
 * workflow executor and Flink's MiniCluster).
 *
 * <p>Exit codes scripts can rely on: 0 done (every run succeeded), 1 a run failed or was refused, 2
 * bad usage, 3 bad input or configuration.
 */
@Command(
    name = "convergence",
    mixinStandardHelpOptions = true,
    version = "convergence 0.1.0",
    description = "Multi-tenant cloud-cost pipeline: FOCUS 1.2 runs on one machine.",
    subcommands = {
      DemoCommand.class,
      RunCommand.class,
      StatusCommand.class,
      ReportCommand.class,
      GenerateCommand.class
    })
public final class Convergence implements Runnable {

  public static final int OK = 0;
  public static final int RUN_FAILED = 1;
  public static final int USAGE = 2;
  public static final int BAD_INPUT = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code. */
  public static int execute(String... args) {
    return new CommandLine(new Convergence())
        .setExitCodeExceptionMapper(e -> BAD_INPUT)
        .setExecutionExceptionHandler(
            (e, line, parsed) -> {
              line.getErr().println(line.getColorScheme().errorText("error: " + e.getMessage()));
              return BAD_INPUT;
            })
        .execute(args);
  }
}
