package dev.convergence.focus.azure;

/** Which of Azure's two cost views an export holds. */
public enum AzureCostKind {
  /**
   * Actual cost: what is invoiced. Each row's cost is its BilledCost; commitment purchases bill in
   * full when bought, so EffectiveCost equals BilledCost (pair with an amortized export to spread
   * commitments).
   */
  ACTUAL,
  /**
   * Amortized cost: commitment purchases spread over the usage they cover (and over unused
   * commitment). Each row's cost is its EffectiveCost; usage covered by a commitment, and unused
   * commitment, was billed through the purchase, so its BilledCost is 0.
   */
  AMORTIZED
}
