package dev.convergence.focus.azure;

/** The documented FOCUS treatment of each Azure {@code ChargeType}; others are rejected. */
enum AzureChargeType {
  USAGE("Usage", "Usage", null),
  UNUSED_RESERVATION("UnusedReservation", "Usage", null),
  UNUSED_SAVINGS_PLAN("UnusedSavingsPlan", "Usage", null),
  PURCHASE("Purchase", "Purchase", null),
  TAX("Tax", "Tax", null),
  CREDIT("Credit", "Credit", null),
  REFUND("Refund", "Credit", "Correction"),
  ADJUSTMENT("Adjustment", "Adjustment", null),
  ROUNDING_ADJUSTMENT("RoundingAdjustment", "Adjustment", null);

  final String sourceName;
  final String chargeCategory;
  final String chargeClass;

  AzureChargeType(String sourceName, String chargeCategory, String chargeClass) {
    this.sourceName = sourceName;
    this.chargeCategory = chargeCategory;
    this.chargeClass = chargeClass;
  }

  static AzureChargeType fromSource(String name) {
    for (AzureChargeType type : values()) {
      if (type.sourceName.equalsIgnoreCase(name)) {
        return type;
      }
    }
    return null;
  }

  boolean isUnusedCommitment() {
    return this == UNUSED_RESERVATION || this == UNUSED_SAVINGS_PLAN;
  }
}
