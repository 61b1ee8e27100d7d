package dev.convergence.focus.aws;

import java.util.Map;

/**
 * The documented FOCUS treatment of each AWS {@code lineItem/LineItemType}: its ChargeCategory and
 * ChargeFrequency. ChargeClass is not a property of the type: a Credit-category line item is a
 * Correction only when it corrects an earlier billing period (see {@code AwsCurMapper}). A type not
 * listed here is rejected rather than guessed.
 */
enum AwsLineItemType {
  USAGE("Usage", "Usage", Frequency.USAGE_BASED),
  DISCOUNTED_USAGE("DiscountedUsage", "Usage", Frequency.USAGE_BASED),
  SAVINGS_PLAN_COVERED_USAGE("SavingsPlanCoveredUsage", "Usage", Frequency.USAGE_BASED),
  SAVINGS_PLAN_NEGATION("SavingsPlanNegation", "Usage", Frequency.USAGE_BASED),
  TAX("Tax", "Tax", Frequency.BY_BILL_TYPE),
  FEE("Fee", "Purchase", Frequency.BY_BILL_TYPE),
  RI_FEE("RIFee", "Purchase", Frequency.RECURRING),
  SAVINGS_PLAN_RECURRING_FEE("SavingsPlanRecurringFee", "Purchase", Frequency.RECURRING),
  SAVINGS_PLAN_UPFRONT_FEE("SavingsPlanUpfrontFee", "Purchase", Frequency.ONE_TIME),
  CREDIT("Credit", "Credit", Frequency.ONE_TIME),
  REFUND("Refund", "Credit", Frequency.ONE_TIME),
  BUNDLED_DISCOUNT("BundledDiscount", "Credit", Frequency.USAGE_BASED),
  EDP_DISCOUNT("EdpDiscount", "Credit", Frequency.USAGE_BASED),
  PRIVATE_RATE_DISCOUNT("PrivateRateDiscount", "Credit", Frequency.USAGE_BASED),
  DISCOUNT("Discount", "Credit", Frequency.USAGE_BASED),
  DISTRIBUTOR_DISCOUNT("DistributorDiscount", "Credit", Frequency.USAGE_BASED),
  SPP_DISCOUNT("SppDiscount", "Credit", Frequency.USAGE_BASED);

  /** How ChargeFrequency is found. */
  enum Frequency {
    USAGE_BASED,
    RECURRING,
    ONE_TIME,
    /** From bill/BillType: Anniversary is Recurring; Purchase and Refund bills are One-Time. */
    BY_BILL_TYPE
  }

  private static final Map<String, AwsLineItemType> BY_NAME;

  static {
    java.util.HashMap<String, AwsLineItemType> byName = new java.util.HashMap<>();
    for (AwsLineItemType type : values()) {
      byName.put(type.sourceName, type);
    }
    BY_NAME = Map.copyOf(byName);
  }

  final String sourceName;
  final String chargeCategory;
  final Frequency frequency;

  AwsLineItemType(String sourceName, String chargeCategory, Frequency frequency) {
    this.sourceName = sourceName;
    this.chargeCategory = chargeCategory;
    this.frequency = frequency;
  }

  /** The type, or null when AWS's name is not one this mapping documents. */
  static AwsLineItemType fromSource(String name) {
    return BY_NAME.get(name);
  }

  String chargeFrequency(String billType) {
    return switch (frequency) {
      case USAGE_BASED -> "Usage-Based";
      case RECURRING -> "Recurring";
      case ONE_TIME -> "One-Time";
      case BY_BILL_TYPE -> "Anniversary".equals(billType) ? "Recurring" : "One-Time";
    };
  }

  /** Credits, refunds and discounts: reductions that may correct an earlier billing period. */
  boolean isCredit() {
    return chargeCategory.equals("Credit");
  }

  /** Usage that a reservation or savings plan covered. */
  boolean isCommitmentCovered() {
    return this == DISCOUNTED_USAGE || this == SAVINGS_PLAN_COVERED_USAGE;
  }
}
