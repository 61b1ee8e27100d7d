package dev.convergence.core.quality;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.convergence.core.config.WireName;

/** What a failed data-quality rule does to the run. */
public enum Severity implements WireName {
  /** The run fails and nothing is published. */
  CRITICAL("critical"),
  /** The result is recorded and the run goes on. */
  WARNING("warning");

  private final String wireName;

  Severity(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static Severity fromWireName(String name) {
    return WireName.parse(Severity.class, name, "severity");
  }

  @Override
  public String toString() {
    return wireName;
  }
}
