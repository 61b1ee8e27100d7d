package dev.convergence.core.focus;

import java.util.List;

/**
 * What FOCUS 1.2 itself fixes, which the converter (focus), the warehouse and the checks all
 * follow: the column names, spelled and ordered as the specification gives them.
 */
public final class FocusSpec {

  private FocusSpec() {}

  /** The FOCUS 1.2 column names, exactly as the specification spells them, in its order. */
  public static final List<String> COLUMNS =
      List.of(
          "BilledCost",
          "BillingAccountId",
          "BillingAccountName",
          "BillingCurrency",
          "BillingPeriodEnd",
          "BillingPeriodStart",
          "ChargeCategory",
          "ChargeClass",
          "ChargeDescription",
          "ChargePeriodEnd",
          "ChargePeriodStart",
          "ContractedCost",
          "EffectiveCost",
          "InvoiceIssuerName",
          "ListCost",
          "PricingQuantity",
          "PricingUnit",
          "ProviderName",
          "PublisherName",
          "ServiceCategory",
          "ServiceName",
          "AvailabilityZone",
          "ChargeFrequency",
          "InvoiceId",
          "ServiceSubcategory",
          "BillingAccountType",
          "CapacityReservationId",
          "CapacityReservationStatus",
          "CommitmentDiscountCategory",
          "CommitmentDiscountId",
          "CommitmentDiscountName",
          "CommitmentDiscountQuantity",
          "CommitmentDiscountStatus",
          "CommitmentDiscountType",
          "CommitmentDiscountUnit",
          "ConsumedQuantity",
          "ConsumedUnit",
          "ContractedUnitPrice",
          "ListUnitPrice",
          "PricingCategory",
          "PricingCurrency",
          "PricingCurrencyContractedUnitPrice",
          "PricingCurrencyEffectiveCost",
          "PricingCurrencyListUnitPrice",
          "RegionId",
          "RegionName",
          "ResourceId",
          "ResourceName",
          "ResourceType",
          "SkuId",
          "SkuMeter",
          "SkuPriceDetails",
          "SkuPriceId",
          "SubAccountId",
          "SubAccountName",
          "SubAccountType",
          "Tags");
}
