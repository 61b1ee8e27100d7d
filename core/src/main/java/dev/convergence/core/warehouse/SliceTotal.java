package dev.convergence.core.warehouse;

import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What {@code focus_costs} holds for one slice of a tenant: its row count and the exact sum of its
 * BilledCost, at the warehouse's scale of {@value ColumnType#DECIMAL_SCALE} fractional digits (zero
 * when every BilledCost is null). End-to-end tests and the demo reconcile against these.
 */
public record SliceTotal(
    Provider provider,
    String billingAccountId,
    BillingPeriod billingPeriod,
    long rows,
    BigDecimal billedCost) {

  public SliceTotal {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(billingAccountId, "billingAccountId");
    Objects.requireNonNull(billingPeriod, "billingPeriod");
    Objects.requireNonNull(billedCost, "billedCost");
    if (billedCost.scale() != ColumnType.DECIMAL_SCALE) {
      throw new IllegalArgumentException(
          "billedCost: must have scale "
              + ColumnType.DECIMAL_SCALE
              + "; got "
              + billedCost.toPlainString());
    }
  }
}
