package dev.convergence.core.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a tenant's runs are accepted. A suspended tenant's requests are rejected. */
public enum TenantStatus {
  ACTIVE,
  SUSPENDED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static TenantStatus fromWireName(String name) {
    for (TenantStatus status : values()) {
      if (status.wireName().equals(name)) {
        return status;
      }
    }
    throw new IllegalArgumentException(
        "unknown status '" + name + "'; expected one of active, suspended");
  }
}
