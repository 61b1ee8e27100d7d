package dev.convergence.stages;

/**
 * Which attempt at its Cloud Run task a stage's process is, from 1: Cloud Run retries a task that
 * exits non-zero, and {@code step_logs} keeps one row per attempt, so a retried step shows as the
 * second attempt beside the first rather than overwriting it.
 */
public record TaskAttempt(int number) {

  public static final TaskAttempt FIRST = new TaskAttempt(1);

  public TaskAttempt {
    if (number < 1) {
      throw new IllegalArgumentException("attempt: must be 1 or more; got " + number);
    }
  }
}
