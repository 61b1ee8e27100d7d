package dev.convergence.flink.anomaly;

import dev.convergence.core.config.WireName;

/**
 * How far outside its expected range an anomalous day is: beyond the threshold (low), twice it
 * (medium), or three times it (high), in scaled median absolute deviations.
 */
public enum Severity implements WireName {
  LOW("low"),
  MEDIUM("medium"),
  HIGH("high");

  private final String wireName;

  Severity(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }
}
