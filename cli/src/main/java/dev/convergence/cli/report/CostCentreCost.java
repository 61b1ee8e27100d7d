package dev.convergence.cli.report;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one cost centre received by one allocation basis, over everything the tenant has published.
 *
 * @param costCentre the centre; null for cost that could not be allocated
 * @param allocation how the cost reached it, as {@code daily_costs.allocation} says: {@code rule},
 *     {@code proportional} or {@code unallocated}
 */
public record CostCentreCost(
    String costCentre,
    String allocation,
    String currency,
    BigDecimal billedCost,
    BigDecimal effectiveCost) {

  public CostCentreCost {
    Objects.requireNonNull(allocation, "allocation");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(billedCost, "billedCost");
    Objects.requireNonNull(effectiveCost, "effectiveCost");
  }
}
