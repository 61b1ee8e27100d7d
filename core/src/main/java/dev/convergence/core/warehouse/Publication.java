package dev.convergence.core.warehouse;

import dev.convergence.core.provider.Provider;
import dev.convergence.core.quality.PeriodBounds;
import dev.convergence.core.request.BillingPeriod;
import java.time.Instant;
import java.util.Objects;

/**
 * What one run publishes: its staged output, for one tenant, provider and billing period.
 *
 * <p>The billing accounts are not named here: they are the accounts of the staged FOCUS rows, read
 * by the warehouse inside the publish, so the slices replaced are exactly the slices the data
 * covers. An account the restated bill no longer mentions keeps its old slice; the staged rows are
 * also checked to be this tenant's, provider's and period's, and nothing is written when one is
 * not.
 */
public record Publication(
    String tenantId,
    String runId,
    Provider provider,
    BillingPeriod billingPeriod,
    StagedOutput staged) {

  public Publication {
    WarehouseTables.checkTenantId(tenantId);
    Objects.requireNonNull(runId, "runId");
    if (!runId.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,99}")) {
      throw new IllegalArgumentException(
          "run_id: must be 1 to 100 letters, digits, '_' or '-'; got '" + runId + "'");
    }
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(billingPeriod, "billingPeriod");
    Objects.requireNonNull(staged, "staged");
  }

  /**
   * The instant the billing period starts, as the staged rows' BillingPeriodStart carries it: UTC
   * midnight for AWS and Azure, Pacific midnight for Google Cloud, whose invoice months are Pacific
   * time.
   */
  public Instant billingPeriodStart() {
    return PeriodBounds.of(provider, billingPeriod).start();
  }
}
