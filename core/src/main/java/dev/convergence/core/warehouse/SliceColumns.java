package dev.convergence.core.warehouse;

import java.util.List;
import java.util.Objects;

/**
 * The columns of a tenant table that name a row's slice: provider, billing account and the start of
 * the billing period (the tenant is the dataset or schema the table sits in). A publish deletes and
 * inserts by exactly these.
 */
public record SliceColumns(String provider, String billingAccount, String billingPeriodStart) {

  public SliceColumns {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(billingAccount, "billingAccount");
    Objects.requireNonNull(billingPeriodStart, "billingPeriodStart");
  }

  public List<String> names() {
    return List.of(provider, billingAccount, billingPeriodStart);
  }
}
