package dev.convergence.core.tenant;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A fixed set of tenants, as loaded at start-up. */
public final class StaticTenantRegistry implements TenantRegistry {

  private final Map<String, Tenant> byId;

  private StaticTenantRegistry(Map<String, Tenant> byId) {
    this.byId = byId;
  }

  public static StaticTenantRegistry of(List<Tenant> tenants) {
    return new StaticTenantRegistry(
        tenants.stream().collect(Collectors.toUnmodifiableMap(Tenant::id, Function.identity())));
  }

  @Override
  public Optional<Tenant> find(String tenantId) {
    return Optional.ofNullable(byId.get(tenantId));
  }

  @Override
  public List<Tenant> all() {
    return byId.values().stream().sorted(Comparator.comparing(Tenant::id)).toList();
  }
}
