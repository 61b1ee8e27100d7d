package dev.convergence.focus.azure;

/**
 * The documented FOCUS ChargeCategory of each Azure {@code ChargeType}; others are rejected.
 * ChargeClass depends on the row's dates, not its type (see {@code AzureCostMapper}).
 */
enum AzureChargeType {
  USAGE("Usage", "Usage"),
  UNUSED_RESERVATION("UnusedReservation", "Usage"),
  UNUSED_SAVINGS_PLAN("UnusedSavingsPlan", "Usage"),
  PURCHASE("Purchase", "Purchase"),
  TAX("Tax", "Tax"),
  CREDIT("Credit", "Credit"),
  REFUND("Refund", "Credit"),
  ADJUSTMENT("Adjustment", "Adjustment"),
  ROUNDING_ADJUSTMENT("RoundingAdjustment", "Adjustment");

  final String sourceName;
  final String chargeCategory;

  AzureChargeType(String sourceName, String chargeCategory) {
    this.sourceName = sourceName;
    this.chargeCategory = chargeCategory;
  }

  static AzureChargeType fromSource(String name) {
    for (AzureChargeType type : values()) {
      if (type.sourceName.equalsIgnoreCase(name)) {
        return type;
      }
    }
    return null;
  }

  /** Credits, refunds and adjustments: rows that may correct an earlier billing period. */
  boolean isCreditOrAdjustment() {
    return chargeCategory.equals("Credit") || chargeCategory.equals("Adjustment");
  }

  boolean isUnusedCommitment() {
    return this == UNUSED_RESERVATION || this == UNUSED_SAVINGS_PLAN;
  }
}
