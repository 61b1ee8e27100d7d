package dev.convergence.core.tenant;

import dev.convergence.core.config.Require;
import dev.convergence.core.provider.Provider;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A company whose billing data Convergence processes, as configured in {@code tenants/<id>.yaml}.
 *
 * @param id lowercase letters, digits and {@code _}, 3 to 50 characters: it names the tenant's
 *     BigQuery dataset
 */
public record Tenant(
    String id,
    String displayName,
    TenantStatus status,
    Plan plan,
    List<ProviderAccount> providers,
    CostAllocation allocation,
    List<Schedule> schedules) {

  /** What a tenant id may be: it names a BigQuery dataset and a DuckDB schema. */
  public static final Pattern ID = Pattern.compile("[a-z0-9_]{3,50}");

  public Tenant {
    Require.matches(id, ID, "id", "3 to 50 lowercase letters, digits or '_'");
    Require.that(displayName != null && !displayName.isBlank(), "display_name", "is required");
    Require.present(status, "status");
    Require.present(plan, "plan");
    providers = Require.listOrEmpty(providers);
    Require.that(!providers.isEmpty(), "providers", "must list at least one provider");
    Set<Provider> seen = EnumSet.noneOf(Provider.class);
    for (ProviderAccount account : providers) {
      Require.that(
          seen.add(account.provider()),
          "providers",
          "lists " + account.provider() + " more than once");
    }
    allocation = allocation == null ? CostAllocation.NONE : allocation;
    schedules = Require.listOrEmpty(schedules);
  }

  public Optional<ProviderAccount> provider(Provider provider) {
    return providers.stream().filter(p -> p.provider() == provider).findFirst();
  }

  public boolean isActive() {
    return status == TenantStatus.ACTIVE;
  }
}
