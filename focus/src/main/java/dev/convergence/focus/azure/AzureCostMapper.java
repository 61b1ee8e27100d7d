package dev.convergence.focus.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convergence.focus.FocusRow;
import dev.convergence.focus.MissingColumnsException;
import dev.convergence.focus.RejectReason;
import dev.convergence.focus.RowRejectedException;
import dev.convergence.focus.Tags;
import dev.convergence.focus.source.BoundedCache;
import dev.convergence.focus.source.Corrections;
import dev.convergence.focus.source.CsvHeader;
import dev.convergence.focus.source.CsvRow;
import dev.convergence.focus.source.CsvRowMapper;
import dev.convergence.focus.source.Fields;
import dev.convergence.focus.source.ServiceCatalog;
import dev.convergence.focus.source.StringPool;
import dev.convergence.focus.source.TimestampCache;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps Azure cost export records (EA or MCA, actual or amortized) to FOCUS 1.2. Azure dates are
 * whole days with inclusive ends: a charge on {@code 9/2/2023} is {@code [2023-09-02T00:00Z,
 * 2023-09-03T00:00Z)}, and a billing period ending {@code 9/30/2023} ends at {@code
 * 2023-10-01T00:00Z}. The rules are in {@code focus/README.md}.
 */
final class AzureCostMapper implements CsvRowMapper {

  private static final String MICROSOFT = "Microsoft";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AzureLayout layout;
  private final AzureCostKind kind;
  private final ServiceCatalog services = ServiceCatalog.load("azure");
  private final TimestampCache timestamps = new TimestampCache();
  private final StringPool pool = new StringPool();

  /**
   * Parsed UnitOfMeasure and Tags values by their text: an export repeats a few units and, row
   * after row of one resource, the same tags, and both are pure functions of their text. A value
   * that does not parse is not kept, so it rejects every time, as it did the first.
   */
  private final BoundedCache<String, AzureUnitOfMeasure> units = new BoundedCache<>(256);

  private final BoundedCache<String, Tags> tagSets = new BoundedCache<>(1024);
  private final int billingAccount;
  private final int billingAccountName;
  private final int currency;
  private final int cost;
  private final int date;
  private final int periodStart;
  private final int periodEnd;
  private final int chargeType;
  private final int pricingModel;
  private final int frequency;
  private final int subscriptionId;
  private final int subscriptionName;
  private final int resourceLocation;
  private final int availabilityZone;
  private final int resourceId;
  private final int resourceName;
  private final int meterCategory;
  private final int meterName;
  private final int consumedService;
  private final int productName;
  private final int productId;
  private final int partNumber;
  private final int quantity;
  private final int unitOfMeasure;
  private final int unitPrice;
  private final int payGPrice;
  private final int payGCost;
  private final int exchangeRate;
  private final int pricingCurrency;
  private final int tags;
  private final int benefitId;
  private final int benefitName;
  private final int publisherType;
  private final int publisherName;
  private final int invoiceId;

  private AzureCostMapper(CsvHeader h, AzureLayout layout, AzureCostKind kind) {
    this.layout = layout;
    this.kind = kind;
    billingAccount =
        layout == AzureLayout.MCA
            ? h.index("BillingProfileId")
            : h.index("BillingAccountId", "EnrollmentNumber");
    billingAccountName =
        layout == AzureLayout.MCA ? h.index("BillingProfileName") : h.index("BillingAccountName");
    currency = h.index("BillingCurrencyCode", "BillingCurrency");
    cost = h.index("CostInBillingCurrency", "Cost", "PreTaxCost");
    date = h.index("Date", "UsageDate");
    periodStart = h.index("BillingPeriodStartDate");
    periodEnd = h.index("BillingPeriodEndDate");
    chargeType = h.index("ChargeType");
    pricingModel = h.index("PricingModel");
    frequency = h.index("Frequency");
    subscriptionId = h.index("SubscriptionId", "SubscriptionGuid");
    subscriptionName = h.index("SubscriptionName");
    resourceLocation = h.index("ResourceLocation");
    availabilityZone = h.index("AvailabilityZone");
    resourceId = h.index("ResourceId", "InstanceName");
    resourceName = h.index("ResourceName");
    meterCategory = h.index("MeterCategory");
    meterName = h.index("MeterName");
    consumedService = h.index("ConsumedService");
    productName = h.index("ProductName", "Product");
    productId = h.index("ProductId");
    partNumber = h.index("PartNumber");
    quantity = h.index("Quantity");
    unitOfMeasure = h.index("UnitOfMeasure");
    unitPrice = h.index("UnitPrice");
    payGPrice = h.index("PayGPrice");
    payGCost = h.index("PayGCostInBillingCurrency");
    exchangeRate = h.index("ExchangeRatePricingToBilling");
    pricingCurrency = h.index("PricingCurrency", "PricingCurrencyCode");
    tags = h.index("Tags");
    benefitId = h.index("BenefitId", "ReservationId");
    benefitName = h.index("BenefitName", "ReservationName");
    publisherType = h.index("PublisherType");
    publisherName = h.index("PublisherName");
    invoiceId = h.index("InvoiceId");
  }

  static AzureCostMapper forHeader(
      CsvHeader header, String sourceFile, AzureLayout layout, AzureCostKind kind)
      throws MissingColumnsException {
    header.require(
        sourceFile,
        "Azure " + layout + " cost export",
        List.of(
            layout == AzureLayout.MCA
                ? new String[] {"BillingProfileId"}
                : new String[] {"BillingAccountId", "EnrollmentNumber"},
            new String[] {"BillingCurrencyCode", "BillingCurrency"},
            new String[] {"CostInBillingCurrency", "Cost", "PreTaxCost"},
            new String[] {"Date", "UsageDate"},
            new String[] {"BillingPeriodStartDate"},
            new String[] {"BillingPeriodEndDate"},
            new String[] {"ChargeType"},
            new String[] {"SubscriptionId", "SubscriptionGuid"}));
    return new AzureCostMapper(header, layout, kind);
  }

  @Override
  public BigDecimal rawCost(CsvRow row) {
    return Fields.decimalOrNull(row.get(cost));
  }

  @Override
  public Map<String, Long> unknownServices() {
    return services.unknown();
  }

  @Override
  public List<FocusRow.Builder> map(CsvRow row) throws RowRejectedException {
    String typeName = pool.of(Fields.requiredText("ChargeType", row.get(chargeType)));
    AzureChargeType type = AzureChargeType.fromSource(typeName);
    if (type == null) {
      throw new RowRejectedException(
          RejectReason.UNKNOWN_CHARGE_TYPE,
          "ChargeType: '" + typeName + "' has no documented FOCUS mapping");
    }
    BigDecimal amount = Fields.decimal("CostInBillingCurrency", row.get(cost));
    String model = row.text(pricingModel);
    String benefit = row.text(benefitId);
    boolean committed = benefit != null || isCommitmentModel(model);
    boolean usage = type.chargeCategory.equals("Usage");
    BigDecimal qty = Fields.optionalDecimal("Quantity", row.get(quantity));
    String unit = row.text(unitOfMeasure);
    BigDecimal rate = Fields.optionalDecimal("ExchangeRatePricingToBilling", row.get(exchangeRate));
    BigDecimal unitPriceValue = Fields.optionalDecimal("UnitPrice", row.get(unitPrice));
    BigDecimal payGPriceValue = Fields.optionalDecimal("PayGPrice", row.get(payGPrice));
    LocalDate day = timestamps.date("Date", row.get(date));
    Instant chargePeriodStart = Fields.startOfDay(day);
    Instant billingPeriodStart =
        Fields.startOfDay(timestamps.date("BillingPeriodStartDate", row.get(periodStart)));
    String meter = row.text(meterCategory);
    String serviceCode = pool.of(meter != null ? meter : row.text(consumedService));
    ServiceCatalog.ServiceClass serviceClass = services.classify(serviceCode);
    boolean marketplace = "Marketplace".equalsIgnoreCase(row.text(publisherType));

    BigDecimal billed = amount;
    BigDecimal effective = amount;
    if (kind == AzureCostKind.AMORTIZED && committed && usage) {
      billed = BigDecimal.ZERO;
    }
    if (kind == AzureCostKind.AMORTIZED && committed && type == AzureChargeType.PURCHASE) {
      effective = BigDecimal.ZERO;
    }

    FocusRow.Builder b =
        FocusRow.builder()
            .billedCost(billed)
            .effectiveCost(effective)
            .listCost(usage ? listCost(row, qty, payGPriceValue, rate, amount) : amount)
            .contractedCost(usage ? times(unitPriceValue, qty, rate, amount) : amount)
            .billingAccountId(
                pool.of(Fields.requiredText("BillingAccountId", row.get(billingAccount))))
            .billingAccountName(row.text(billingAccountName))
            .billingCurrency(pool.of(Fields.requiredText("BillingCurrencyCode", row.get(currency))))
            .billingPeriodStart(billingPeriodStart)
            .billingPeriodEnd(
                Fields.startOfDay(
                    timestamps.date("BillingPeriodEndDate", row.get(periodEnd)).plusDays(1)))
            .chargePeriodStart(chargePeriodStart)
            .chargePeriodEnd(Fields.startOfDay(day.plusDays(1)))
            .chargeCategory(type.chargeCategory)
            .chargeClass(
                type.isCreditOrAdjustment()
                    ? Corrections.chargeClass(chargePeriodStart, billingPeriodStart)
                    : null)
            .chargeFrequency(chargeFrequency(row.text(frequency), type))
            .chargeDescription(row.text(productName))
            .invoiceId(row.text(invoiceId))
            .invoiceIssuerName(MICROSOFT)
            .providerName(MICROSOFT)
            .publisherName(
                marketplace && row.text(publisherName) != null
                    ? row.text(publisherName)
                    : MICROSOFT)
            .serviceName(serviceCode != null ? serviceCode : "Unknown")
            .serviceCategory(serviceClass.category())
            .serviceSubcategory(serviceClass.subcategory())
            .subAccountId(pool.of(Fields.requiredText("SubscriptionId", row.get(subscriptionId))))
            .subAccountName(row.text(subscriptionName))
            .regionId(pool.of(regionId(row.text(resourceLocation))))
            .availabilityZone(row.text(availabilityZone))
            .resourceId(row.text(resourceId))
            .resourceName(row.text(resourceName))
            .skuId(row.text(productId) != null ? row.text(productId) : row.text(partNumber))
            .skuMeter(row.text(meterName))
            .tags(cachedTags(row.get(tags)))
            .xSourceChargeType(typeName)
            .xServiceCode(serviceCode);
    if (qty != null && unit != null && (usage || type == AzureChargeType.PURCHASE)) {
      AzureUnitOfMeasure measure = unitOfMeasure(unit);
      b.pricingQuantity(qty).pricingUnit(measure.pricingUnit());
      if (usage && !type.isUnusedCommitment()) {
        b.consumedQuantity(measure.consumedQuantity(qty)).consumedUnit(measure.unit());
      }
    }
    if (usage || type == AzureChargeType.PURCHASE) {
      b.pricingCategory(pricingCategory(model));
      if (rate == null) {
        b.contractedUnitPrice(unitPriceValue).listUnitPrice(payGPriceValue);
      } else {
        b.pricingCurrency(row.text(pricingCurrency))
            .pricingCurrencyContractedUnitPrice(unitPriceValue)
            .pricingCurrencyListUnitPrice(payGPriceValue)
            .contractedUnitPrice(unitPriceValue == null ? null : unitPriceValue.multiply(rate))
            .listUnitPrice(payGPriceValue == null ? null : payGPriceValue.multiply(rate));
      }
    }
    commitment(b, type, benefit, row.text(benefitName), model);
    return List.of(b);
  }

  private static boolean isCommitmentModel(String model) {
    return model != null
        && (model.equalsIgnoreCase("Reservation")
            || model.equalsIgnoreCase("SavingsPlan")
            || model.equalsIgnoreCase("Savings Plan"));
  }

  private static void commitment(
      FocusRow.Builder b, AzureChargeType type, String id, String name, String model) {
    String lowerId = id == null ? "" : id.toLowerCase(Locale.ROOT);
    boolean savingsPlan =
        lowerId.contains("/microsoft.billingbenefits/")
            || (model != null && model.toLowerCase(Locale.ROOT).startsWith("savings"));
    boolean reservation =
        lowerId.contains("/microsoft.capacity/")
            || (model != null && model.equalsIgnoreCase("Reservation"));
    if (id == null || (!savingsPlan && !reservation)) {
      return;
    }
    b.commitmentDiscountId(id)
        .commitmentDiscountName(name)
        .commitmentDiscountCategory(savingsPlan ? "Spend" : "Usage")
        .commitmentDiscountType(savingsPlan ? "Savings Plan" : "Reservation");
    if (type.isUnusedCommitment()) {
      b.commitmentDiscountStatus("Unused");
    } else if (type == AzureChargeType.USAGE) {
      b.commitmentDiscountStatus("Used");
    }
  }

  /** List cost: the pay-as-you-go cost where Azure gives it, else PayGPrice x Quantity. */
  private BigDecimal listCost(
      CsvRow row, BigDecimal qty, BigDecimal price, BigDecimal rate, BigDecimal fallback)
      throws RowRejectedException {
    BigDecimal payG = Fields.optionalDecimal("PayGCostInBillingCurrency", row.get(payGCost));
    return payG != null ? payG : times(price, qty, rate, fallback);
  }

  private static BigDecimal times(
      BigDecimal price, BigDecimal qty, BigDecimal rate, BigDecimal fallback) {
    if (price == null || qty == null) {
      return fallback;
    }
    BigDecimal value = price.multiply(qty);
    return rate == null ? value : value.multiply(rate);
  }

  private static String chargeFrequency(String frequency, AzureChargeType type) {
    if (frequency != null) {
      switch (frequency) {
        case "OneTime":
          return "One-Time";
        case "Recurring":
          return "Recurring";
        case "UsageBased":
          return "Usage-Based";
        default:
          break;
      }
    }
    return type.chargeCategory.equals("Usage") ? "Usage-Based" : "One-Time";
  }

  private static String pricingCategory(String model) {
    if (model == null) {
      return null;
    }
    if (model.equalsIgnoreCase("OnDemand")) {
      return "Standard";
    }
    if (model.equalsIgnoreCase("Spot")) {
      return "Dynamic";
    }
    return isCommitmentModel(model) ? "Committed" : "Other";
  }

  /** Azure region ids are lower case without spaces: {@code CentralUS} is {@code centralus}. */
  private static String regionId(String location) {
    return location == null ? null : location.replace(" ", "").toLowerCase(Locale.ROOT);
  }

  private AzureUnitOfMeasure unitOfMeasure(String text) {
    AzureUnitOfMeasure known = units.get(text);
    if (known == null) {
      known = AzureUnitOfMeasure.parse(text);
      units.put(text, known);
    }
    return known;
  }

  /** {@link #tags(String)}, from {@link #tagSets} when the text was read before. */
  private Tags cachedTags(String text) throws RowRejectedException {
    Tags known = tagSets.get(text);
    if (known == null) {
      known = tags(text);
      tagSets.put(text, known);
    }
    return known;
  }

  /**
   * Tags as a JSON object. EA exports often drop the braces ({@code "a": "1","b": "2"}): the object
   * is read with them restored. Anything else that is not a JSON object rejects the record.
   */
  static Tags tags(String text) throws RowRejectedException {
    String trimmed = text == null ? "" : text.strip();
    Tags.Builder result = Tags.builder();
    if (trimmed.isEmpty()) {
      return result.build();
    }
    String json = trimmed.startsWith("{") ? trimmed : "{" + trimmed + "}";
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new RowRejectedException(RejectReason.INVALID_JSON, "Tags: is not a JSON object");
    }
    if (node == null || !node.isObject()) {
      throw new RowRejectedException(RejectReason.INVALID_JSON, "Tags: is not a JSON object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      result.put(
          e.getKey(),
          e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString());
    }
    return result.build();
  }

  @Override
  public String toString() {
    return "AzureCostMapper[" + layout + ", " + kind + "]";
  }
}
