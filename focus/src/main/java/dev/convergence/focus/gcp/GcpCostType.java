package dev.convergence.focus.gcp;

/** The documented FOCUS treatment of each Google Cloud {@code cost_type}; others are rejected. */
enum GcpCostType {
  REGULAR("regular", "Usage", null),
  TAX("tax", "Tax", null),
  /** Corrections of earlier usage (billing errors, goodwill): an Adjustment correcting a charge. */
  ADJUSTMENT("adjustment", "Adjustment", "Correction"),
  ROUNDING_ERROR("rounding_error", "Adjustment", null);

  final String sourceName;
  final String chargeCategory;
  final String chargeClass;

  GcpCostType(String sourceName, String chargeCategory, String chargeClass) {
    this.sourceName = sourceName;
    this.chargeCategory = chargeCategory;
    this.chargeClass = chargeClass;
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
