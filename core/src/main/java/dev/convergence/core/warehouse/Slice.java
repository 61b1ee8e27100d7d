package dev.convergence.core.warehouse;

import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import java.util.Comparator;
import java.util.Objects;

/**
 * The unit a publish replaces: one tenant's rows for one provider, billing account and billing
 * period, in all three tenant tables at once.
 */
public record Slice(
    String tenantId, Provider provider, String billingAccountId, BillingPeriod billingPeriod)
    implements Comparable<Slice> {

  private static final Comparator<Slice> ORDER =
      Comparator.comparing(Slice::tenantId)
          .thenComparing(Slice::provider)
          .thenComparing(Slice::billingPeriod)
          .thenComparing(Slice::billingAccountId);

  public Slice {
    WarehouseTables.checkTenantId(tenantId);
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(billingAccountId, "billingAccountId");
    Objects.requireNonNull(billingPeriod, "billingPeriod");
  }

  @Override
  public int compareTo(Slice other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return tenantId + "/" + provider + "/" + billingAccountId + "/" + billingPeriod;
  }
}
