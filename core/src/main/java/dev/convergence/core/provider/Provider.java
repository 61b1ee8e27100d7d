package dev.convergence.core.provider;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A billing-data provider Convergence converts to FOCUS, named in configs by its wire name. */
public enum Provider {
  AWS("aws"),
  GCP("gcp"),
  AZURE("azure");

  private final String wireName;

  Provider(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static Provider fromWireName(String name) {
    for (Provider provider : values()) {
      if (provider.wireName.equals(name)) {
        return provider;
      }
    }
    throw new IllegalArgumentException(
        "unknown provider '" + name + "'; expected one of " + wireNames());
  }

  public static String wireNames() {
    return Arrays.stream(values()).map(Provider::wireName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return wireName;
  }
}
