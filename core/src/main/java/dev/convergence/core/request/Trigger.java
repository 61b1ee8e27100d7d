package dev.convergence.core.request;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What started a run. */
public enum Trigger {
  SCHEDULER("scheduler"),
  MANUAL("manual"),
  STORAGE_NOTIFICATION("storage-notification"),
  WORKFLOW("workflow");

  private final String wireName;

  Trigger(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  public static Optional<Trigger> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }

  @JsonCreator
  static Trigger parse(String name) {
    return fromWireName(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown trigger '" + name + "'; expected one of " + wireNames()));
  }

  static String wireNames() {
    return Arrays.stream(values()).map(Trigger::wireName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return wireName;
  }
}
