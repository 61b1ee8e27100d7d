package dev.convergence.flink.args;

import java.util.List;

/**
 * The job's arguments are wrong: every problem found, one a line, each starting with the option at
 * fault. Thrown before the job is built, so nothing starts.
 */
public final class JobArgumentsException extends Exception {

  private static final long serialVersionUID = 1L;

  /** The machine-readable reason code. */
  public static final String REASON = "INVALID_JOB_ARGUMENTS";

  private final List<String> problems;

  public JobArgumentsException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public String reason() {
    return REASON;
  }

  public List<String> problems() {
    return problems;
  }
}
