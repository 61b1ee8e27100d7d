package dev.convergence.core.provider;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.convergence.core.config.WireName;

/** A billing-data provider Convergence converts to FOCUS, named in configs by its wire name. */
public enum Provider implements WireName {
  AWS("aws"),
  GCP("gcp"),
  AZURE("azure");

  private final String wireName;

  Provider(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static Provider fromWireName(String name) {
    return WireName.parse(Provider.class, name, "provider");
  }

  @Override
  public String toString() {
    return wireName;
  }
}
