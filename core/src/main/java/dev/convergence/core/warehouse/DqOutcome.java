package dev.convergence.core.warehouse;

import dev.convergence.core.config.WireName;

/** How a run's data-quality check ended, as {@code pipeline_runs.dq_outcome} records it. */
public enum DqOutcome implements WireName {
  /** Every rule passed. */
  PASSED("passed"),
  /** Only warning rules failed: the run was published. */
  WARNINGS("warnings"),
  /** A critical rule failed: nothing was published. */
  FAILED("failed");

  private final String wireName;

  DqOutcome(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static DqOutcome fromWireName(String name) {
    return WireName.parse(DqOutcome.class, name, "dq outcome");
  }
}
