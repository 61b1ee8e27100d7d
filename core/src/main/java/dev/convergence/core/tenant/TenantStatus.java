package dev.convergence.core.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.convergence.core.config.WireName;
import java.util.Locale;

/** Whether a tenant's runs are accepted. A suspended tenant's requests are rejected. */
public enum TenantStatus implements WireName {
  ACTIVE,
  SUSPENDED;

  @JsonValue
  @Override
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static TenantStatus fromWireName(String name) {
    return WireName.parse(TenantStatus.class, name, "status");
  }
}
