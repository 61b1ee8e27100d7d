package dev.convergence.core.request;

/** Per-run switches. {@code dryRun}: run every stage but publish nothing to the warehouse. */
public record RunOptions(boolean dryRun) {

  public static final RunOptions DEFAULT = new RunOptions(false);
}
