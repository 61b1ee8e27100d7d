package dev.convergence.focus.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convergence.focus.FocusRow;
import dev.convergence.focus.MissingColumnsException;
import dev.convergence.focus.RejectReason;
import dev.convergence.focus.RowRejectedException;
import dev.convergence.focus.Tags;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Maps AWS Cost and Usage Report records to FOCUS 1.2. One mapper serves both layouts: each source
 * column is looked up by its legacy name ({@code lineItem/UnblendedCost}) and its CUR 2.0 name
 * ({@code line_item_unblended_cost}); tags come from legacy {@code resourceTags/...} columns or the
 * CUR 2.0 {@code resource_tags} JSON map. The rules are in {@code focus/README.md}.
 */
final class AwsCurMapper implements CsvRowMapper {

  private static final String AWS = "AWS";
  private static final String AWS_PUBLISHER = "Amazon Web Services";
  private static final String MARKETPLACE_ENTITY = "AWS Marketplace";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServiceCatalog services = ServiceCatalog.load("aws");
  private final TimestampCache timestamps = new TimestampCache();
  private final StringPool pool = new StringPool();
  private final int payerAccount;
  private final int payerAccountName;
  private final int periodStart;
  private final int periodEnd;
  private final int invoiceId;
  private final int invoicingEntity;
  private final int billingEntity;
  private final int billType;
  private final int usageAccount;
  private final int usageAccountName;
  private final int lineItemType;
  private final int usageStart;
  private final int usageEnd;
  private final int productCode;
  private final int usageAmount;
  private final int currency;
  private final int unblendedRate;
  private final int unblendedCost;
  private final int description;
  private final int legalEntity;
  private final int availabilityZone;
  private final int resourceId;
  private final int lineItemId;
  private final int productName;
  private final int regionCode;
  private final int region;
  private final int location;
  private final int sku;
  private final int rateCode;
  private final int rateId;
  private final int publicOnDemandCost;
  private final int publicOnDemandRate;
  private final int term;
  private final int pricingUnit;
  private final int reservationArn;
  private final int reservationEffectiveCost;
  private final int reservationUnusedUpfront;
  private final int reservationUnusedRecurring;
  private final int savingsPlanArn;
  private final int savingsPlanEffectiveCost;
  private final int savingsPlanTotalCommitment;
  private final int savingsPlanUsedCommitment;
  private final int tagsMap;
  private final int[] tagColumns;
  private final String[] tagKeys;

  private AwsCurMapper(CsvHeader h) {
    payerAccount = h.index("bill/PayerAccountId", "bill_payer_account_id");
    payerAccountName = h.index("bill/PayerAccountName", "bill_payer_account_name");
    periodStart = h.index("bill/BillingPeriodStartDate", "bill_billing_period_start_date");
    periodEnd = h.index("bill/BillingPeriodEndDate", "bill_billing_period_end_date");
    invoiceId = h.index("bill/InvoiceId", "bill_invoice_id");
    invoicingEntity = h.index("bill/InvoicingEntity", "bill_invoicing_entity");
    billingEntity = h.index("bill/BillingEntity", "bill_billing_entity");
    billType = h.index("bill/BillType", "bill_bill_type");
    usageAccount = h.index("lineItem/UsageAccountId", "line_item_usage_account_id");
    usageAccountName = h.index("lineItem/UsageAccountName", "line_item_usage_account_name");
    lineItemType = h.index("lineItem/LineItemType", "line_item_line_item_type");
    usageStart = h.index("lineItem/UsageStartDate", "line_item_usage_start_date");
    usageEnd = h.index("lineItem/UsageEndDate", "line_item_usage_end_date");
    productCode = h.index("lineItem/ProductCode", "line_item_product_code");
    usageAmount = h.index("lineItem/UsageAmount", "line_item_usage_amount");
    currency = h.index("lineItem/CurrencyCode", "line_item_currency_code");
    unblendedRate = h.index("lineItem/UnblendedRate", "line_item_unblended_rate");
    unblendedCost = h.index("lineItem/UnblendedCost", "line_item_unblended_cost");
    description = h.index("lineItem/LineItemDescription", "line_item_line_item_description");
    legalEntity = h.index("lineItem/LegalEntity", "line_item_legal_entity");
    availabilityZone = h.index("lineItem/AvailabilityZone", "line_item_availability_zone");
    resourceId = h.index("lineItem/ResourceId", "line_item_resource_id");
    lineItemId = h.index("identity/LineItemId", "identity_line_item_id");
    productName = h.index("product/ProductName", "product_product_name");
    regionCode = h.index("product/regionCode", "product_region_code");
    region = h.index("product/region", "product_region");
    location = h.index("product/location", "product_location");
    sku = h.index("product/sku", "product_sku");
    rateCode = h.index("pricing/RateCode", "pricing_rate_code");
    rateId = h.index("pricing/RateId", "pricing_rate_id");
    publicOnDemandCost = h.index("pricing/publicOnDemandCost", "pricing_public_on_demand_cost");
    publicOnDemandRate = h.index("pricing/publicOnDemandRate", "pricing_public_on_demand_rate");
    term = h.index("pricing/term", "pricing_term");
    pricingUnit = h.index("pricing/unit", "pricing_unit");
    reservationArn = h.index("reservation/ReservationARN", "reservation_reservation_a_r_n");
    reservationEffectiveCost = h.index("reservation/EffectiveCost", "reservation_effective_cost");
    reservationUnusedUpfront =
        h.index(
            "reservation/UnusedAmortizedUpfrontFeeForBillingPeriod",
            "reservation_unused_amortized_upfront_fee_for_billing_period");
    reservationUnusedRecurring =
        h.index("reservation/UnusedRecurringFee", "reservation_unused_recurring_fee");
    savingsPlanArn = h.index("savingsPlan/SavingsPlanARN", "savings_plan_savings_plan_a_r_n");
    savingsPlanEffectiveCost =
        h.index("savingsPlan/SavingsPlanEffectiveCost", "savings_plan_savings_plan_effective_cost");
    savingsPlanTotalCommitment =
        h.index("savingsPlan/TotalCommitmentToDate", "savings_plan_total_commitment_to_date");
    savingsPlanUsedCommitment =
        h.index("savingsPlan/UsedCommitment", "savings_plan_used_commitment");
    tagsMap = h.index("resource_tags");
    List<Integer> columns = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < h.size(); i++) {
      String name = h.names().get(i);
      if (name.startsWith("resourceTags/")) {
        columns.add(i);
        keys.add(tagKey(name.substring("resourceTags/".length())));
      }
    }
    tagColumns = columns.stream().mapToInt(Integer::intValue).toArray();
    tagKeys = keys.toArray(String[]::new);
  }

  /** The columns without which a CUR file cannot be converted; each as legacy and CUR 2.0 names. */
  static final List<String[]> REQUIRED =
      List.of(
          new String[] {"bill/PayerAccountId", "bill_payer_account_id"},
          new String[] {"bill/BillingPeriodStartDate", "bill_billing_period_start_date"},
          new String[] {"bill/BillingPeriodEndDate", "bill_billing_period_end_date"},
          new String[] {"lineItem/UsageAccountId", "line_item_usage_account_id"},
          new String[] {"lineItem/LineItemType", "line_item_line_item_type"},
          new String[] {"lineItem/UsageStartDate", "line_item_usage_start_date"},
          new String[] {"lineItem/UsageEndDate", "line_item_usage_end_date"},
          new String[] {"lineItem/ProductCode", "line_item_product_code"},
          new String[] {"lineItem/CurrencyCode", "line_item_currency_code"},
          new String[] {"lineItem/UnblendedCost", "line_item_unblended_cost"});

  static AwsCurMapper forHeader(CsvHeader header, String sourceFile, String layout)
      throws MissingColumnsException {
    header.require(sourceFile, layout, REQUIRED);
    return new AwsCurMapper(header);
  }

  /** {@code user:team} is the user's tag {@code team}; AWS-generated tags keep their prefix. */
  private static String tagKey(String sourceKey) {
    return sourceKey.startsWith("user:") ? sourceKey.substring("user:".length()) : sourceKey;
  }

  @Override
  public BigDecimal rawCost(CsvRow row) {
    return Fields.decimalOrNull(row.get(unblendedCost));
  }

  @Override
  public Map<String, Long> unknownServices() {
    return services.unknown();
  }

  @Override
  public List<FocusRow.Builder> map(CsvRow row) throws RowRejectedException {
    String typeName = pool.of(Fields.requiredText("lineItem/LineItemType", row.get(lineItemType)));
    AwsLineItemType type = AwsLineItemType.fromSource(typeName);
    if (type == null) {
      throw new RowRejectedException(
          RejectReason.UNKNOWN_CHARGE_TYPE,
          "lineItem/LineItemType: '" + typeName + "' has no documented FOCUS mapping");
    }
    BigDecimal billed = Fields.decimal("lineItem/UnblendedCost", row.get(unblendedCost));
    BigDecimal list =
        Fields.optionalDecimal("pricing/publicOnDemandCost", row.get(publicOnDemandCost));
    BigDecimal listUnitPrice =
        Fields.optionalDecimal("pricing/publicOnDemandRate", row.get(publicOnDemandRate));
    Instant billingPeriodStart =
        timestamps.instant("bill/BillingPeriodStartDate", row.get(periodStart));
    Instant chargePeriodStart = timestamps.instant("lineItem/UsageStartDate", row.get(usageStart));
    String unit = row.text(pricingUnit);
    BigDecimal quantity = Fields.optionalDecimal("lineItem/UsageAmount", row.get(usageAmount));
    String code = pool.of(Fields.requiredText("lineItem/ProductCode", row.get(productCode)));
    ServiceCatalog.ServiceClass serviceClass = services.classify(code);
    String billingEntityName = row.text(billingEntity);
    boolean marketplace = MARKETPLACE_ENTITY.equals(billingEntityName);
    String spArn = row.text(savingsPlanArn);
    String riArn = row.text(reservationArn);
    boolean usage = type.chargeCategory.equals("Usage");

    FocusRow.Builder b =
        FocusRow.builder()
            .billedCost(billed)
            .effectiveCost(effectiveCost(type, row, billed))
            .listCost(listCost(type, list, listUnitPrice, billed))
            .contractedCost(contractedCost(type, list, billed))
            .billingAccountId(
                pool.of(Fields.requiredText("bill/PayerAccountId", row.get(payerAccount))))
            .billingAccountName(row.text(payerAccountName))
            .billingCurrency(
                pool.of(Fields.requiredText("lineItem/CurrencyCode", row.get(currency))))
            .billingPeriodStart(billingPeriodStart)
            .billingPeriodEnd(timestamps.instant("bill/BillingPeriodEndDate", row.get(periodEnd)))
            .chargePeriodStart(chargePeriodStart)
            .chargePeriodEnd(timestamps.instant("lineItem/UsageEndDate", row.get(usageEnd)))
            .chargeCategory(type.chargeCategory)
            .chargeClass(
                type.isCredit()
                    ? Corrections.chargeClass(chargePeriodStart, billingPeriodStart)
                    : null)
            .chargeFrequency(type.chargeFrequency(row.text(billType)))
            .chargeDescription(row.text(description))
            .invoiceId(row.text(invoiceId))
            .invoiceIssuerName(firstNonNull(row.text(invoicingEntity), AWS_PUBLISHER))
            .providerName(AWS)
            .publisherName(
                marketplace
                    ? firstNonNull(row.text(legalEntity), MARKETPLACE_ENTITY)
                    : AWS_PUBLISHER)
            .serviceName(firstNonNull(pool.of(row.text(productName)), code))
            .serviceCategory(serviceClass.category())
            .serviceSubcategory(serviceClass.subcategory())
            .subAccountId(
                pool.of(Fields.requiredText("lineItem/UsageAccountId", row.get(usageAccount))))
            .subAccountName(row.text(usageAccountName))
            .regionId(pool.of(firstNonNull(row.text(regionCode), row.text(region))))
            .regionName(row.text(location))
            .availabilityZone(row.text(availabilityZone))
            .resourceId(row.text(resourceId))
            .skuId(row.text(sku))
            .skuPriceId(firstNonNull(row.text(rateCode), row.text(rateId)))
            .listUnitPrice(listUnitPrice)
            .tags(tags(row))
            .xSourceRowId(row.text(lineItemId))
            .xSourceChargeType(typeName)
            .xServiceCode(code);
    if (unit != null && quantity != null) {
      b.pricingQuantity(quantity).pricingUnit(unit);
      if (usage && type != AwsLineItemType.SAVINGS_PLAN_NEGATION) {
        b.consumedQuantity(quantity).consumedUnit(unit);
      }
    }
    if (usage || type.chargeCategory.equals("Purchase")) {
      b.contractedUnitPrice(
          type == AwsLineItemType.DISCOUNTED_USAGE
              ? listUnitPrice
              : Fields.optionalDecimal("lineItem/UnblendedRate", row.get(unblendedRate)));
    }
    if (usage) {
      b.pricingCategory(pricingCategory(type, row.text(term)));
    }
    commitment(b, type, spArn, riArn);
    return List.of(b);
  }

  private static void commitment(
      FocusRow.Builder b, AwsLineItemType type, String spArn, String riArn) {
    if (spArn != null) {
      b.commitmentDiscountId(spArn)
          .commitmentDiscountCategory("Spend")
          .commitmentDiscountType("Savings Plan");
    } else if (riArn != null) {
      b.commitmentDiscountId(riArn)
          .commitmentDiscountCategory("Usage")
          .commitmentDiscountType("Reserved Instance");
    } else {
      return;
    }
    if (type.isCommitmentCovered()) {
      b.commitmentDiscountStatus("Used");
    }
  }

  /** Amortized cost: what the row costs once commitments are spread over the usage they cover. */
  private BigDecimal effectiveCost(AwsLineItemType type, CsvRow row, BigDecimal billed)
      throws RowRejectedException {
    return switch (type) {
      case DISCOUNTED_USAGE -> required(row, reservationEffectiveCost, "reservation/EffectiveCost");
      case SAVINGS_PLAN_COVERED_USAGE ->
          required(row, savingsPlanEffectiveCost, "savingsPlan/SavingsPlanEffectiveCost");
      case SAVINGS_PLAN_NEGATION, SAVINGS_PLAN_UPFRONT_FEE -> BigDecimal.ZERO;
      case SAVINGS_PLAN_RECURRING_FEE ->
          zeroIfEmpty(row, savingsPlanTotalCommitment, "savingsPlan/TotalCommitmentToDate")
              .subtract(zeroIfEmpty(row, savingsPlanUsedCommitment, "savingsPlan/UsedCommitment"));
      case RI_FEE ->
          zeroIfEmpty(
                  row,
                  reservationUnusedUpfront,
                  "reservation/UnusedAmortizedUpfrontFeeForBillingPeriod")
              .add(zeroIfEmpty(row, reservationUnusedRecurring, "reservation/UnusedRecurringFee"));
      case FEE -> row.text(reservationArn) != null ? BigDecimal.ZERO : billed;
      default -> billed;
    };
  }

  /**
   * Public on-demand cost. A Credit-category line item (credit, refund, discount) without a list
   * unit price is a charge unrelated to other charges, whose ListCost FOCUS 1.2 requires to match
   * its BilledCost; so does any other charge with no list price (tax, fees), tax as an
   * approximation. The savings-plan negation lists at 0: the covered usage carries the list cost.
   */
  private static BigDecimal listCost(
      AwsLineItemType type, BigDecimal list, BigDecimal listUnitPrice, BigDecimal billed) {
    if (type.isCredit() && listUnitPrice == null) {
      return billed;
    }
    if (list != null) {
      return list;
    }
    return type == AwsLineItemType.SAVINGS_PLAN_NEGATION ? BigDecimal.ZERO : billed;
  }

  /**
   * Cost at the negotiated rate before commitment discounts. RI-covered usage bills 0 (its RI fee
   * carries the cost), so its contracted cost is its public on-demand cost; the savings-plan
   * negation contributes nothing (the covered usage already carries the contracted cost).
   */
  private static BigDecimal contractedCost(
      AwsLineItemType type, BigDecimal list, BigDecimal billed) {
    return switch (type) {
      case DISCOUNTED_USAGE -> list != null ? list : billed;
      case SAVINGS_PLAN_NEGATION -> BigDecimal.ZERO;
      default -> billed;
    };
  }

  private static String pricingCategory(AwsLineItemType type, String term) {
    if (type.isCommitmentCovered()) {
      return "Committed";
    }
    if (term == null) {
      return null;
    }
    return switch (term) {
      case "OnDemand" -> "Standard";
      case "Reserved" -> "Committed";
      case "Spot" -> "Dynamic";
      default -> "Other";
    };
  }

  private Tags tags(CsvRow row) throws RowRejectedException {
    Tags.Builder tags = Tags.builder();
    for (int i = 0; i < tagColumns.length; i++) {
      String value = row.get(tagColumns[i]);
      if (!value.isEmpty()) {
        tags.put(tagKeys[i], value);
      }
    }
    String map = row.text(tagsMap);
    if (map != null) {
      try {
        JsonNode node = JSON.readTree(map);
        if (!node.isObject()) {
          throw new RowRejectedException(
              RejectReason.INVALID_JSON, "resource_tags: is not a JSON object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!e.getValue().isNull() && !e.getValue().asText().isEmpty()) {
            tags.put(tagKey(e.getKey()), e.getValue().asText());
          }
        }
      } catch (JsonProcessingException e) {
        throw new RowRejectedException(
            RejectReason.INVALID_JSON, "resource_tags: is not valid JSON");
      }
    }
    return tags.build();
  }

  private static BigDecimal required(CsvRow row, int position, String column)
      throws RowRejectedException {
    return Fields.decimal(column, row.get(position));
  }

  private static BigDecimal zeroIfEmpty(CsvRow row, int position, String column)
      throws RowRejectedException {
    BigDecimal value = Fields.optionalDecimal(column, row.get(position));
    return value == null ? BigDecimal.ZERO : value;
  }

  private static String firstNonNull(String first, String second) {
    return first != null ? first : second;
  }
}
