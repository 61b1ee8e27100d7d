package dev.convergence.core.request;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.convergence.core.config.WireName;
import java.util.Optional;

/** What started a run. */
public enum Trigger implements WireName {
  SCHEDULER("scheduler"),
  MANUAL("manual"),
  STORAGE_NOTIFICATION("storage-notification"),
  WORKFLOW("workflow");

  private final String wireName;

  Trigger(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }

  public static Optional<Trigger> fromWireName(String name) {
    return WireName.find(Trigger.class, name);
  }

  @JsonCreator
  static Trigger parse(String name) {
    return WireName.parse(Trigger.class, name, "trigger");
  }

  static String wireNames() {
    return WireName.list(Trigger.class);
  }

  @Override
  public String toString() {
    return wireName;
  }
}
