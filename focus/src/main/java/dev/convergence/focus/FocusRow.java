package dev.convergence.focus;

import dev.convergence.core.focus.FocusSpec;
import dev.convergence.core.provider.Provider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One FOCUS 1.2 row: the 57 specification columns, in specification order, then the {@code x_}
 * columns Convergence adds (tenant, run, source file and line, restatement keys, provider keys).
 *
 * <p>Components are the specification's column names in lower camel case; {@link #value(String)}
 * reads a column by its exact specification name. The record only checks the {@code x_} columns it
 * cannot work without; whether the FOCUS columns conform is {@link FocusConformance}'s job, so a
 * non-conformant row can be described rather than thrown at. {@code Tags} is a key-to-value map
 * (empty when the source has none), written as a JSON object; the row keeps an unmodifiable copy in
 * key order, or a {@link Tags} as it is (see there).
 */
public record FocusRow(
    BigDecimal billedCost,
    String billingAccountId,
    String billingAccountName,
    String billingCurrency,
    Instant billingPeriodEnd,
    Instant billingPeriodStart,
    String chargeCategory,
    String chargeClass,
    String chargeDescription,
    Instant chargePeriodEnd,
    Instant chargePeriodStart,
    BigDecimal contractedCost,
    BigDecimal effectiveCost,
    String invoiceIssuerName,
    BigDecimal listCost,
    BigDecimal pricingQuantity,
    String pricingUnit,
    String providerName,
    String publisherName,
    String serviceCategory,
    String serviceName,
    String availabilityZone,
    String chargeFrequency,
    String invoiceId,
    String serviceSubcategory,
    String billingAccountType,
    String capacityReservationId,
    String capacityReservationStatus,
    String commitmentDiscountCategory,
    String commitmentDiscountId,
    String commitmentDiscountName,
    BigDecimal commitmentDiscountQuantity,
    String commitmentDiscountStatus,
    String commitmentDiscountType,
    String commitmentDiscountUnit,
    BigDecimal consumedQuantity,
    String consumedUnit,
    BigDecimal contractedUnitPrice,
    BigDecimal listUnitPrice,
    String pricingCategory,
    String pricingCurrency,
    BigDecimal pricingCurrencyContractedUnitPrice,
    BigDecimal pricingCurrencyEffectiveCost,
    BigDecimal pricingCurrencyListUnitPrice,
    String regionId,
    String regionName,
    String resourceId,
    String resourceName,
    String resourceType,
    String skuId,
    String skuMeter,
    String skuPriceDetails,
    String skuPriceId,
    String subAccountId,
    String subAccountName,
    String subAccountType,
    Map<String, String> tags,
    String xTenantId,
    String xRunId,
    Provider xProvider,
    String xSourceFile,
    long xSourceLine,
    String xSnapshotId,
    String xRowIdentity,
    String xSourceRowId,
    String xSourceChargeType,
    String xServiceCode)
    implements Converted {

  /** The FOCUS 1.2 column names, exactly as the specification spells them, in its order. */
  public static final List<String> FOCUS_COLUMNS = FocusSpec.COLUMNS;

  /** The Convergence extension columns, after the FOCUS ones. */
  public static final List<String> X_COLUMNS =
      List.of(
          "x_tenant_id",
          "x_run_id",
          "x_provider",
          "x_source_file",
          "x_source_line",
          "x_snapshot_id",
          "x_row_identity",
          "x_source_row_id",
          "x_source_charge_type",
          "x_service_code");

  public FocusRow {
    Objects.requireNonNull(xTenantId, "x_tenant_id");
    Objects.requireNonNull(xRunId, "x_run_id");
    Objects.requireNonNull(xProvider, "x_provider");
    Objects.requireNonNull(xSourceFile, "x_source_file");
    if (xSourceLine < 1) {
      throw new IllegalArgumentException("x_source_line: must be 1 or more; got " + xSourceLine);
    }
    tags = Tags.of(tags);
  }

  /** The value of a FOCUS or {@code x_} column by its exact name; JSON columns as their objects. */
  public Object value(String column) {
    return accessor(column).apply(this);
  }

  /**
   * Reads a FOCUS or {@code x_} column by its exact name, as {@link #value(String)} does, resolved
   * once: a per-row check of every column looks each name up at its construction, not per row.
   *
   * @throws IllegalArgumentException if there is no such column
   */
  static Function<FocusRow, Object> accessor(String column) {
    return switch (column) {
      case "BilledCost" -> FocusRow::billedCost;
      case "BillingAccountId" -> FocusRow::billingAccountId;
      case "BillingAccountName" -> FocusRow::billingAccountName;
      case "BillingCurrency" -> FocusRow::billingCurrency;
      case "BillingPeriodEnd" -> FocusRow::billingPeriodEnd;
      case "BillingPeriodStart" -> FocusRow::billingPeriodStart;
      case "ChargeCategory" -> FocusRow::chargeCategory;
      case "ChargeClass" -> FocusRow::chargeClass;
      case "ChargeDescription" -> FocusRow::chargeDescription;
      case "ChargePeriodEnd" -> FocusRow::chargePeriodEnd;
      case "ChargePeriodStart" -> FocusRow::chargePeriodStart;
      case "ContractedCost" -> FocusRow::contractedCost;
      case "EffectiveCost" -> FocusRow::effectiveCost;
      case "InvoiceIssuerName" -> FocusRow::invoiceIssuerName;
      case "ListCost" -> FocusRow::listCost;
      case "PricingQuantity" -> FocusRow::pricingQuantity;
      case "PricingUnit" -> FocusRow::pricingUnit;
      case "ProviderName" -> FocusRow::providerName;
      case "PublisherName" -> FocusRow::publisherName;
      case "ServiceCategory" -> FocusRow::serviceCategory;
      case "ServiceName" -> FocusRow::serviceName;
      case "AvailabilityZone" -> FocusRow::availabilityZone;
      case "ChargeFrequency" -> FocusRow::chargeFrequency;
      case "InvoiceId" -> FocusRow::invoiceId;
      case "ServiceSubcategory" -> FocusRow::serviceSubcategory;
      case "BillingAccountType" -> FocusRow::billingAccountType;
      case "CapacityReservationId" -> FocusRow::capacityReservationId;
      case "CapacityReservationStatus" -> FocusRow::capacityReservationStatus;
      case "CommitmentDiscountCategory" -> FocusRow::commitmentDiscountCategory;
      case "CommitmentDiscountId" -> FocusRow::commitmentDiscountId;
      case "CommitmentDiscountName" -> FocusRow::commitmentDiscountName;
      case "CommitmentDiscountQuantity" -> FocusRow::commitmentDiscountQuantity;
      case "CommitmentDiscountStatus" -> FocusRow::commitmentDiscountStatus;
      case "CommitmentDiscountType" -> FocusRow::commitmentDiscountType;
      case "CommitmentDiscountUnit" -> FocusRow::commitmentDiscountUnit;
      case "ConsumedQuantity" -> FocusRow::consumedQuantity;
      case "ConsumedUnit" -> FocusRow::consumedUnit;
      case "ContractedUnitPrice" -> FocusRow::contractedUnitPrice;
      case "ListUnitPrice" -> FocusRow::listUnitPrice;
      case "PricingCategory" -> FocusRow::pricingCategory;
      case "PricingCurrency" -> FocusRow::pricingCurrency;
      case "PricingCurrencyContractedUnitPrice" -> FocusRow::pricingCurrencyContractedUnitPrice;
      case "PricingCurrencyEffectiveCost" -> FocusRow::pricingCurrencyEffectiveCost;
      case "PricingCurrencyListUnitPrice" -> FocusRow::pricingCurrencyListUnitPrice;
      case "RegionId" -> FocusRow::regionId;
      case "RegionName" -> FocusRow::regionName;
      case "ResourceId" -> FocusRow::resourceId;
      case "ResourceName" -> FocusRow::resourceName;
      case "ResourceType" -> FocusRow::resourceType;
      case "SkuId" -> FocusRow::skuId;
      case "SkuMeter" -> FocusRow::skuMeter;
      case "SkuPriceDetails" -> FocusRow::skuPriceDetails;
      case "SkuPriceId" -> FocusRow::skuPriceId;
      case "SubAccountId" -> FocusRow::subAccountId;
      case "SubAccountName" -> FocusRow::subAccountName;
      case "SubAccountType" -> FocusRow::subAccountType;
      case "Tags" -> FocusRow::tags;
      case "x_tenant_id" -> FocusRow::xTenantId;
      case "x_run_id" -> FocusRow::xRunId;
      case "x_provider" -> FocusRow::xProvider;
      case "x_source_file" -> FocusRow::xSourceFile;
      case "x_source_line" -> FocusRow::xSourceLine;
      case "x_snapshot_id" -> FocusRow::xSnapshotId;
      case "x_row_identity" -> FocusRow::xRowIdentity;
      case "x_source_row_id" -> FocusRow::xSourceRowId;
      case "x_source_charge_type" -> FocusRow::xSourceChargeType;
      case "x_service_code" -> FocusRow::xServiceCode;
      default -> throw new IllegalArgumentException("unknown column '" + column + "'");
    };
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();

    b.billedCost = billedCost;
    b.billingAccountId = billingAccountId;
    b.billingAccountName = billingAccountName;
    b.billingCurrency = billingCurrency;
    b.billingPeriodEnd = billingPeriodEnd;
    b.billingPeriodStart = billingPeriodStart;
    b.chargeCategory = chargeCategory;
    b.chargeClass = chargeClass;
    b.chargeDescription = chargeDescription;
    b.chargePeriodEnd = chargePeriodEnd;
    b.chargePeriodStart = chargePeriodStart;
    b.contractedCost = contractedCost;
    b.effectiveCost = effectiveCost;
    b.invoiceIssuerName = invoiceIssuerName;
    b.listCost = listCost;
    b.pricingQuantity = pricingQuantity;
    b.pricingUnit = pricingUnit;
    b.providerName = providerName;
    b.publisherName = publisherName;
    b.serviceCategory = serviceCategory;
    b.serviceName = serviceName;
    b.availabilityZone = availabilityZone;
    b.chargeFrequency = chargeFrequency;
    b.invoiceId = invoiceId;
    b.serviceSubcategory = serviceSubcategory;
    b.billingAccountType = billingAccountType;
    b.capacityReservationId = capacityReservationId;
    b.capacityReservationStatus = capacityReservationStatus;
    b.commitmentDiscountCategory = commitmentDiscountCategory;
    b.commitmentDiscountId = commitmentDiscountId;
    b.commitmentDiscountName = commitmentDiscountName;
    b.commitmentDiscountQuantity = commitmentDiscountQuantity;
    b.commitmentDiscountStatus = commitmentDiscountStatus;
    b.commitmentDiscountType = commitmentDiscountType;
    b.commitmentDiscountUnit = commitmentDiscountUnit;
    b.consumedQuantity = consumedQuantity;
    b.consumedUnit = consumedUnit;
    b.contractedUnitPrice = contractedUnitPrice;
    b.listUnitPrice = listUnitPrice;
    b.pricingCategory = pricingCategory;
    b.pricingCurrency = pricingCurrency;
    b.pricingCurrencyContractedUnitPrice = pricingCurrencyContractedUnitPrice;
    b.pricingCurrencyEffectiveCost = pricingCurrencyEffectiveCost;
    b.pricingCurrencyListUnitPrice = pricingCurrencyListUnitPrice;
    b.regionId = regionId;
    b.regionName = regionName;
    b.resourceId = resourceId;
    b.resourceName = resourceName;
    b.resourceType = resourceType;
    b.skuId = skuId;
    b.skuMeter = skuMeter;
    b.skuPriceDetails = skuPriceDetails;
    b.skuPriceId = skuPriceId;
    b.subAccountId = subAccountId;
    b.subAccountName = subAccountName;
    b.subAccountType = subAccountType;
    b.tags = tags;
    b.xTenantId = xTenantId;
    b.xRunId = xRunId;
    b.xProvider = xProvider;
    b.xSourceFile = xSourceFile;
    b.xSourceLine = xSourceLine;
    b.xSnapshotId = xSnapshotId;
    b.xRowIdentity = xRowIdentity;
    b.xSourceRowId = xSourceRowId;
    b.xSourceChargeType = xSourceChargeType;
    b.xServiceCode = xServiceCode;
    return b;
  }

  /** Assembles a row column by column; {@link #build()} applies the record's checks. */
  public static final class Builder {

    private BigDecimal billedCost;
    private String billingAccountId;
    private String billingAccountName;
    private String billingCurrency;
    private Instant billingPeriodEnd;
    private Instant billingPeriodStart;
    private String chargeCategory;
    private String chargeClass;
    private String chargeDescription;
    private Instant chargePeriodEnd;
    private Instant chargePeriodStart;
    private BigDecimal contractedCost;
    private BigDecimal effectiveCost;
    private String invoiceIssuerName;
    private BigDecimal listCost;
    private BigDecimal pricingQuantity;
    private String pricingUnit;
    private String providerName;
    private String publisherName;
    private String serviceCategory;
    private String serviceName;
    private String availabilityZone;
    private String chargeFrequency;
    private String invoiceId;
    private String serviceSubcategory;
    private String billingAccountType;
    private String capacityReservationId;
    private String capacityReservationStatus;
    private String commitmentDiscountCategory;
    private String commitmentDiscountId;
    private String commitmentDiscountName;
    private BigDecimal commitmentDiscountQuantity;
    private String commitmentDiscountStatus;
    private String commitmentDiscountType;
    private String commitmentDiscountUnit;
    private BigDecimal consumedQuantity;
    private String consumedUnit;
    private BigDecimal contractedUnitPrice;
    private BigDecimal listUnitPrice;
    private String pricingCategory;
    private String pricingCurrency;
    private BigDecimal pricingCurrencyContractedUnitPrice;
    private BigDecimal pricingCurrencyEffectiveCost;
    private BigDecimal pricingCurrencyListUnitPrice;
    private String regionId;
    private String regionName;
    private String resourceId;
    private String resourceName;
    private String resourceType;
    private String skuId;
    private String skuMeter;
    private String skuPriceDetails;
    private String skuPriceId;
    private String subAccountId;
    private String subAccountName;
    private String subAccountType;
    private Map<String, String> tags;
    private String xTenantId;
    private String xRunId;
    private Provider xProvider;
    private String xSourceFile;
    private long xSourceLine;
    private String xSnapshotId;
    private String xRowIdentity;
    private String xSourceRowId;
    private String xSourceChargeType;
    private String xServiceCode;

    private Builder() {}

    /** An independent builder with the same values, to derive sibling rows from one record. */
    public Builder copy() {
      Builder b = new Builder();

      b.billedCost = this.billedCost;
      b.billingAccountId = this.billingAccountId;
      b.billingAccountName = this.billingAccountName;
      b.billingCurrency = this.billingCurrency;
      b.billingPeriodEnd = this.billingPeriodEnd;
      b.billingPeriodStart = this.billingPeriodStart;
      b.chargeCategory = this.chargeCategory;
      b.chargeClass = this.chargeClass;
      b.chargeDescription = this.chargeDescription;
      b.chargePeriodEnd = this.chargePeriodEnd;
      b.chargePeriodStart = this.chargePeriodStart;
      b.contractedCost = this.contractedCost;
      b.effectiveCost = this.effectiveCost;
      b.invoiceIssuerName = this.invoiceIssuerName;
      b.listCost = this.listCost;
      b.pricingQuantity = this.pricingQuantity;
      b.pricingUnit = this.pricingUnit;
      b.providerName = this.providerName;
      b.publisherName = this.publisherName;
      b.serviceCategory = this.serviceCategory;
      b.serviceName = this.serviceName;
      b.availabilityZone = this.availabilityZone;
      b.chargeFrequency = this.chargeFrequency;
      b.invoiceId = this.invoiceId;
      b.serviceSubcategory = this.serviceSubcategory;
      b.billingAccountType = this.billingAccountType;
      b.capacityReservationId = this.capacityReservationId;
      b.capacityReservationStatus = this.capacityReservationStatus;
      b.commitmentDiscountCategory = this.commitmentDiscountCategory;
      b.commitmentDiscountId = this.commitmentDiscountId;
      b.commitmentDiscountName = this.commitmentDiscountName;
      b.commitmentDiscountQuantity = this.commitmentDiscountQuantity;
      b.commitmentDiscountStatus = this.commitmentDiscountStatus;
      b.commitmentDiscountType = this.commitmentDiscountType;
      b.commitmentDiscountUnit = this.commitmentDiscountUnit;
      b.consumedQuantity = this.consumedQuantity;
      b.consumedUnit = this.consumedUnit;
      b.contractedUnitPrice = this.contractedUnitPrice;
      b.listUnitPrice = this.listUnitPrice;
      b.pricingCategory = this.pricingCategory;
      b.pricingCurrency = this.pricingCurrency;
      b.pricingCurrencyContractedUnitPrice = this.pricingCurrencyContractedUnitPrice;
      b.pricingCurrencyEffectiveCost = this.pricingCurrencyEffectiveCost;
      b.pricingCurrencyListUnitPrice = this.pricingCurrencyListUnitPrice;
      b.regionId = this.regionId;
      b.regionName = this.regionName;
      b.resourceId = this.resourceId;
      b.resourceName = this.resourceName;
      b.resourceType = this.resourceType;
      b.skuId = this.skuId;
      b.skuMeter = this.skuMeter;
      b.skuPriceDetails = this.skuPriceDetails;
      b.skuPriceId = this.skuPriceId;
      b.subAccountId = this.subAccountId;
      b.subAccountName = this.subAccountName;
      b.subAccountType = this.subAccountType;
      b.tags = this.tags;
      b.xTenantId = this.xTenantId;
      b.xRunId = this.xRunId;
      b.xProvider = this.xProvider;
      b.xSourceFile = this.xSourceFile;
      b.xSourceLine = this.xSourceLine;
      b.xSnapshotId = this.xSnapshotId;
      b.xRowIdentity = this.xRowIdentity;
      b.xSourceRowId = this.xSourceRowId;
      b.xSourceChargeType = this.xSourceChargeType;
      b.xServiceCode = this.xServiceCode;
      return b;
    }

    public Builder billedCost(BigDecimal value) {
      this.billedCost = value;
      return this;
    }

    public Builder billingAccountId(String value) {
      this.billingAccountId = value;
      return this;
    }

    public Builder billingAccountName(String value) {
      this.billingAccountName = value;
      return this;
    }

    public Builder billingCurrency(String value) {
      this.billingCurrency = value;
      return this;
    }

    public Builder billingPeriodEnd(Instant value) {
      this.billingPeriodEnd = value;
      return this;
    }

    public Builder billingPeriodStart(Instant value) {
      this.billingPeriodStart = value;
      return this;
    }

    public Builder chargeCategory(String value) {
      this.chargeCategory = value;
      return this;
    }

    public Builder chargeClass(String value) {
      this.chargeClass = value;
      return this;
    }

    public Builder chargeDescription(String value) {
      this.chargeDescription = value;
      return this;
    }

    public Builder chargePeriodEnd(Instant value) {
      this.chargePeriodEnd = value;
      return this;
    }

    public Builder chargePeriodStart(Instant value) {
      this.chargePeriodStart = value;
      return this;
    }

    public Builder contractedCost(BigDecimal value) {
      this.contractedCost = value;
      return this;
    }

    public Builder effectiveCost(BigDecimal value) {
      this.effectiveCost = value;
      return this;
    }

    public Builder invoiceIssuerName(String value) {
      this.invoiceIssuerName = value;
      return this;
    }

    public Builder listCost(BigDecimal value) {
      this.listCost = value;
      return this;
    }

    public Builder pricingQuantity(BigDecimal value) {
      this.pricingQuantity = value;
      return this;
    }

    public Builder pricingUnit(String value) {
      this.pricingUnit = value;
      return this;
    }

    public Builder providerName(String value) {
      this.providerName = value;
      return this;
    }

    public Builder publisherName(String value) {
      this.publisherName = value;
      return this;
    }

    public Builder serviceCategory(String value) {
      this.serviceCategory = value;
      return this;
    }

    public Builder serviceName(String value) {
      this.serviceName = value;
      return this;
    }

    public Builder availabilityZone(String value) {
      this.availabilityZone = value;
      return this;
    }

    public Builder chargeFrequency(String value) {
      this.chargeFrequency = value;
      return this;
    }

    public Builder invoiceId(String value) {
      this.invoiceId = value;
      return this;
    }

    public Builder serviceSubcategory(String value) {
      this.serviceSubcategory = value;
      return this;
    }

    public Builder billingAccountType(String value) {
      this.billingAccountType = value;
      return this;
    }

    public Builder capacityReservationId(String value) {
      this.capacityReservationId = value;
      return this;
    }

    public Builder capacityReservationStatus(String value) {
      this.capacityReservationStatus = value;
      return this;
    }

    public Builder commitmentDiscountCategory(String value) {
      this.commitmentDiscountCategory = value;
      return this;
    }

    public Builder commitmentDiscountId(String value) {
      this.commitmentDiscountId = value;
      return this;
    }

    public Builder commitmentDiscountName(String value) {
      this.commitmentDiscountName = value;
      return this;
    }

    public Builder commitmentDiscountQuantity(BigDecimal value) {
      this.commitmentDiscountQuantity = value;
      return this;
    }

    public Builder commitmentDiscountStatus(String value) {
      this.commitmentDiscountStatus = value;
      return this;
    }

    public Builder commitmentDiscountType(String value) {
      this.commitmentDiscountType = value;
      return this;
    }

    public Builder commitmentDiscountUnit(String value) {
      this.commitmentDiscountUnit = value;
      return this;
    }

    public Builder consumedQuantity(BigDecimal value) {
      this.consumedQuantity = value;
      return this;
    }

    public Builder consumedUnit(String value) {
      this.consumedUnit = value;
      return this;
    }

    public Builder contractedUnitPrice(BigDecimal value) {
      this.contractedUnitPrice = value;
      return this;
    }

    public Builder listUnitPrice(BigDecimal value) {
      this.listUnitPrice = value;
      return this;
    }

    public Builder pricingCategory(String value) {
      this.pricingCategory = value;
      return this;
    }

    public Builder pricingCurrency(String value) {
      this.pricingCurrency = value;
      return this;
    }

    public Builder pricingCurrencyContractedUnitPrice(BigDecimal value) {
      this.pricingCurrencyContractedUnitPrice = value;
      return this;
    }

    public Builder pricingCurrencyEffectiveCost(BigDecimal value) {
      this.pricingCurrencyEffectiveCost = value;
      return this;
    }

    public Builder pricingCurrencyListUnitPrice(BigDecimal value) {
      this.pricingCurrencyListUnitPrice = value;
      return this;
    }

    public Builder regionId(String value) {
      this.regionId = value;
      return this;
    }

    public Builder regionName(String value) {
      this.regionName = value;
      return this;
    }

    public Builder resourceId(String value) {
      this.resourceId = value;
      return this;
    }

    public Builder resourceName(String value) {
      this.resourceName = value;
      return this;
    }

    public Builder resourceType(String value) {
      this.resourceType = value;
      return this;
    }

    public Builder skuId(String value) {
      this.skuId = value;
      return this;
    }

    public Builder skuMeter(String value) {
      this.skuMeter = value;
      return this;
    }

    public Builder skuPriceDetails(String value) {
      this.skuPriceDetails = value;
      return this;
    }

    public Builder skuPriceId(String value) {
      this.skuPriceId = value;
      return this;
    }

    public Builder subAccountId(String value) {
      this.subAccountId = value;
      return this;
    }

    public Builder subAccountName(String value) {
      this.subAccountName = value;
      return this;
    }

    public Builder subAccountType(String value) {
      this.subAccountType = value;
      return this;
    }

    public Builder tags(Map<String, String> value) {
      this.tags = value;
      return this;
    }

    /** x_tenant_id: the tenant the row belongs to. */
    public Builder xTenantId(String value) {
      this.xTenantId = value;
      return this;
    }

    /** x_run_id: the run that converted it. */
    public Builder xRunId(String value) {
      this.xRunId = value;
      return this;
    }

    /** x_provider: the provider whose export it came from. */
    public Builder xProvider(Provider value) {
      this.xProvider = value;
      return this;
    }

    /** x_source_file: the source object it was read from. */
    public Builder xSourceFile(String value) {
      this.xSourceFile = value;
      return this;
    }

    /** x_source_line: the 1-based line of the source record in that object. */
    public Builder xSourceLine(long value) {
      this.xSourceLine = value;
      return this;
    }

    /**
     * x_snapshot_id: restatement key for snapshot deliveries (AWS, Azure): the delivery it came
     * from; null for append-only sources.
     */
    public Builder xSnapshotId(String value) {
      this.xSnapshotId = value;
      return this;
    }

    /**
     * x_row_identity: restatement key for append-only sources (Google Cloud): a digest of the
     * source row content and export time; null for snapshot deliveries.
     */
    public Builder xRowIdentity(String value) {
      this.xRowIdentity = value;
      return this;
    }

    /**
     * x_source_row_id: the provider's own line-item id where it has one (AWS identity/LineItemId).
     */
    public Builder xSourceRowId(String value) {
      this.xSourceRowId = value;
      return this;
    }

    /**
     * x_source_charge_type: the raw charge type (lineItem/LineItemType, ChargeType, cost_type or
     * credit type).
     */
    public Builder xSourceChargeType(String value) {
      this.xSourceChargeType = value;
      return this;
    }

    /** x_service_code: the raw service code the ServiceCategory was looked up from. */
    public Builder xServiceCode(String value) {
      this.xServiceCode = value;
      return this;
    }

    public FocusRow build() {
      return new FocusRow(
          billedCost,
          billingAccountId,
          billingAccountName,
          billingCurrency,
          billingPeriodEnd,
          billingPeriodStart,
          chargeCategory,
          chargeClass,
          chargeDescription,
          chargePeriodEnd,
          chargePeriodStart,
          contractedCost,
          effectiveCost,
          invoiceIssuerName,
          listCost,
          pricingQuantity,
          pricingUnit,
          providerName,
          publisherName,
          serviceCategory,
          serviceName,
          availabilityZone,
          chargeFrequency,
          invoiceId,
          serviceSubcategory,
          billingAccountType,
          capacityReservationId,
          capacityReservationStatus,
          commitmentDiscountCategory,
          commitmentDiscountId,
          commitmentDiscountName,
          commitmentDiscountQuantity,
          commitmentDiscountStatus,
          commitmentDiscountType,
          commitmentDiscountUnit,
          consumedQuantity,
          consumedUnit,
          contractedUnitPrice,
          listUnitPrice,
          pricingCategory,
          pricingCurrency,
          pricingCurrencyContractedUnitPrice,
          pricingCurrencyEffectiveCost,
          pricingCurrencyListUnitPrice,
          regionId,
          regionName,
          resourceId,
          resourceName,
          resourceType,
          skuId,
          skuMeter,
          skuPriceDetails,
          skuPriceId,
          subAccountId,
          subAccountName,
          subAccountType,
          tags,
          xTenantId,
          xRunId,
          xProvider,
          xSourceFile,
          xSourceLine,
          xSnapshotId,
          xRowIdentity,
          xSourceRowId,
          xSourceChargeType,
          xServiceCode);
    }
  }
}
