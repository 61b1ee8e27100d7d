package dev.convergence.core.tenant;

import java.util.List;
import java.util.Optional;

/** The configured tenants. */
public interface TenantRegistry {

  Optional<Tenant> find(String tenantId);

  /** Every tenant, sorted by id. */
  List<Tenant> all();
}
