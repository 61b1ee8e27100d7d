package dev.convergence.core.warehouse;

import dev.convergence.core.config.WireName;

/** Where one attempt at a run's step is, as {@code step_logs.state} records it. */
public enum StepState implements WireName {
  RUNNING("running"),
  SUCCEEDED("succeeded"),
  FAILED("failed");

  private final String wireName;

  StepState(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static StepState fromWireName(String name) {
    return WireName.parse(StepState.class, name, "step state");
  }
}
