package dev.convergence.focus.gcp;

/** The documented FOCUS treatment of each Google Cloud {@code cost_type}; others are rejected. */
enum GcpCostType {
  REGULAR("regular", "Usage"),
  TAX("tax", "Tax"),
  /**
   * Corrections (billing errors, goodwill): an Adjustment; ChargeClass Correction only when its
   * usage lies in an earlier invoice month (see {@code GcpBillingMapper}).
   */
  ADJUSTMENT("adjustment", "Adjustment"),
  ROUNDING_ERROR("rounding_error", "Adjustment");

  final String sourceName;
  final String chargeCategory;

  GcpCostType(String sourceName, String chargeCategory) {
    this.sourceName = sourceName;
    this.chargeCategory = chargeCategory;
  }

  static GcpCostType fromSource(String name) {
    for (GcpCostType type : values()) {
      if (type.sourceName.equals(name)) {
        return type;
      }
    }
    return null;
  }
}
