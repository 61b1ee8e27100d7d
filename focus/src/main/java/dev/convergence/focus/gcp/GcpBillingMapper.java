package dev.convergence.focus.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convergence.focus.FocusRow;
import dev.convergence.focus.RejectReason;
import dev.convergence.focus.RowRejectedException;
import dev.convergence.focus.Tags;
import dev.convergence.focus.source.BoundedCache;
import dev.convergence.focus.source.Corrections;
import dev.convergence.focus.source.Fields;
import dev.convergence.focus.source.ServiceCatalog;
import dev.convergence.focus.source.StringPool;
import dev.convergence.focus.source.TimestampCache;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps one Google Cloud billing export row (standard or detailed usage cost, as the BigQuery table
 * holds it) to FOCUS 1.2 rows: the charge itself, then one Credit row for each entry of {@code
 * credits[]}, so BilledCost over the rows sums to {@code cost + sum(credits.amount)}, what the
 * invoice shows. The rules are in {@code focus/README.md}.
 */
final class GcpBillingMapper {

  private static final String GOOGLE = "Google Cloud";
  private static final ZoneId INVOICE_ZONE = ZoneId.of("America/Los_Angeles");
  private static final DateTimeFormatter INVOICE_MONTH = DateTimeFormatter.ofPattern("uuuuMM");

  private final ServiceCatalog services = ServiceCatalog.load("gcp");
  private final TimestampCache timestamps = new TimestampCache();
  private final StringPool pool = new StringPool();
  private final BoundedCache<String, InvoiceMonth> invoiceMonths = new BoundedCache<>(64);

  Map<String, Long> unknownServices() {
    return services.unknown();
  }

  /** The row's own cost plus its credits, if they can be read: the cost of a reject. */
  static BigDecimal rawCost(JsonNode row) {
    try {
      BigDecimal total = decimal(row, "cost");
      for (JsonNode credit : row.path("credits")) {
        total = total.add(decimal(credit, "amount"));
      }
      return total;
    } catch (RowRejectedException | RuntimeException e) {
      return null;
    }
  }

  List<FocusRow.Builder> map(JsonNode row, String identity) throws RowRejectedException {
    String costTypeName = text(row, "cost_type");
    if (costTypeName == null) {
      throw new RowRejectedException(RejectReason.MISSING_VALUE, "cost_type: is empty");
    }
    GcpCostType costType = GcpCostType.fromSource(costTypeName);
    if (costType == null) {
      throw new RowRejectedException(
          RejectReason.UNKNOWN_CHARGE_TYPE,
          "cost_type: '" + costTypeName + "' has no documented FOCUS mapping");
    }
    BigDecimal cost = decimal(row, "cost");
    BigDecimal listCost = optionalDecimal(row, "cost_at_list");
    String serviceName = text(row.path("service"), "description");
    ServiceCatalog.ServiceClass serviceClass = services.classify(serviceName);
    String skuDescription = text(row.path("sku"), "description");
    boolean commitmentFee =
        costType == GcpCostType.REGULAR
            && skuDescription != null
            && skuDescription.startsWith("Commitment");
    String category = commitmentFee ? "Purchase" : costType.chargeCategory;
    boolean usage = category.equals("Usage");
    String seller = text(row, "seller_name");
    JsonNode usageNode = row.path("usage");
    InvoiceMonth invoiceMonth = invoiceMonth(row);
    Instant periodStart = invoiceMonth.start;
    Instant usageStart = timestamps.instant("usage_start_time", text(row, "usage_start_time"));
    // Usage in an earlier invoice month (a late row or a correction): corrects an invoiced period.
    String chargeClass = Corrections.chargeClass(usageStart, periodStart);

    FocusRow.Builder base =
        FocusRow.builder()
            .billingAccountId(pool.of(required(row, "billing_account_id")))
            .billingCurrency(pool.of(required(row, "currency")))
            .billingPeriodStart(periodStart)
            .billingPeriodEnd(invoiceMonth.end())
            .chargePeriodStart(usageStart)
            .chargePeriodEnd(timestamps.instant("usage_end_time", text(row, "usage_end_time")))
            .invoiceIssuerName(GOOGLE)
            .providerName(GOOGLE)
            .publisherName(seller != null ? seller : GOOGLE)
            .serviceName(serviceName != null ? pool.of(serviceName) : "Unknown")
            .serviceCategory(serviceClass.category())
            .serviceSubcategory(serviceClass.subcategory())
            .subAccountId(pool.of(text(row.path("project"), "id")))
            .subAccountName(text(row.path("project"), "name"))
            .regionId(pool.of(text(row.path("location"), "region")))
            .availabilityZone(text(row.path("location"), "zone"))
            .resourceId(text(row.path("resource"), "global_name"))
            .resourceName(text(row.path("resource"), "name"))
            .skuId(text(row.path("sku"), "id"))
            .tags(labels(row))
            .xServiceCode(pool.of(text(row.path("service"), "id")));

    List<FocusRow.Builder> rows = new ArrayList<>();
    FocusRow.Builder charge =
        base.copy()
            .billedCost(cost)
            .effectiveCost(cost)
            .contractedCost(cost)
            .listCost(listCost != null ? listCost : cost)
            .chargeCategory(category)
            .chargeClass(chargeClass)
            .chargeFrequency(usage ? "Usage-Based" : commitmentFee ? "Recurring" : "One-Time")
            .chargeDescription(skuDescription)
            .contractedUnitPrice(
                usage ? optionalDecimal(row.path("price"), "effective_price") : null)
            .xRowIdentity(identity)
            .xSourceChargeType(costTypeName);
    BigDecimal pricingQuantity = optionalDecimal(usageNode, "amount_in_pricing_units");
    String pricingUnit = text(usageNode, "pricing_unit");
    if (pricingQuantity != null && pricingUnit != null && (usage || commitmentFee)) {
      charge.pricingQuantity(pricingQuantity).pricingUnit(pricingUnit);
      charge.pricingCategory(commitmentFee ? "Committed" : "Standard");
    }
    BigDecimal consumed = optionalDecimal(usageNode, "amount");
    String consumedUnit = text(usageNode, "unit");
    if (usage && consumed != null && consumedUnit != null) {
      charge.consumedQuantity(consumed).consumedUnit(consumedUnit);
    }
    rows.add(charge);

    int index = 0;
    for (JsonNode credit : row.path("credits")) {
      BigDecimal amount = decimal(credit, "amount");
      String type = text(credit, "type");
      String name =
          text(credit, "full_name") != null ? text(credit, "full_name") : text(credit, "name");
      FocusRow.Builder creditRow =
          base.copy()
              .billedCost(amount)
              .effectiveCost(amount)
              .contractedCost(amount)
              .listCost(amount) // a Credit without a list unit price lists at its BilledCost
              .chargeCategory("Credit")
              .chargeClass(chargeClass)
              .chargeFrequency(usage ? "Usage-Based" : "One-Time")
              .chargeDescription(name)
              .xRowIdentity(identity + "/credits/" + index)
              .xSourceChargeType("credit/" + (type != null ? type : "UNSPECIFIED"));
      if (type != null && type.startsWith("COMMITTED_USAGE_DISCOUNT")) {
        creditRow
            .commitmentDiscountId(text(credit, "id"))
            .commitmentDiscountName(name)
            .commitmentDiscountCategory(type.endsWith("DOLLAR_BASE") ? "Spend" : "Usage")
            .commitmentDiscountType("Committed Use Discount")
            .commitmentDiscountStatus("Used");
      }
      rows.add(creditRow);
      index++;
    }
    return rows;
  }

  /**
   * The invoice month is a Pacific Time month: {@code 202311} starts at 2023-11-01T00:00 in
   * America/Los_Angeles, which is 07:00 UTC. Every row of an export names one of a few months, and
   * working out a zone's offsets is costly, so each month text is worked out once per stream.
   */
  private InvoiceMonth invoiceMonth(JsonNode row) throws RowRejectedException {
    String month = text(row.path("invoice"), "month");
    if (month == null) {
      throw new RowRejectedException(RejectReason.MISSING_VALUE, "invoice.month: is empty");
    }
    InvoiceMonth known = invoiceMonths.get(month);
    if (known != null) {
      return known;
    }
    Instant start;
    try {
      start = YearMonth.parse(month, INVOICE_MONTH).atDay(1).atStartOfDay(INVOICE_ZONE).toInstant();
    } catch (DateTimeParseException e) {
      throw new RowRejectedException(
          RejectReason.INVALID_TIMESTAMP, "invoice.month: '" + month + "' is not YYYYMM");
    }
    InvoiceMonth parsed = new InvoiceMonth(start);
    invoiceMonths.put(month, parsed);
    return parsed;
  }

  /** An invoice month's start, and its end once asked for (the start of the next month). */
  private static final class InvoiceMonth {

    private final Instant start;
    private Instant end;

    private InvoiceMonth(Instant start) {
      this.start = start;
    }

    Instant end() {
      if (end == null) {
        end =
            YearMonth.from(start.atZone(INVOICE_ZONE))
                .plusMonths(1)
                .atDay(1)
                .atStartOfDay(INVOICE_ZONE)
                .toInstant();
      }
      return end;
    }
  }

  /** Resource labels, then resource-manager tags ({@code namespaced key -> value}). */
  private static Tags labels(JsonNode row) {
    Tags.Builder tags = Tags.builder();
    for (JsonNode label : row.path("labels")) {
      String key = text(label, "key");
      if (key != null) {
        tags.put(key, label.path("value").asText(""));
      }
    }
    for (JsonNode tag : row.path("tags")) {
      String key = text(tag, "key");
      if (key != null) {
        String namespace = text(tag, "namespace");
        tags.put(namespace != null ? namespace + "/" + key : key, tag.path("value").asText(""));
      }
    }
    return tags.build();
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    return Fields.text(value.asText());
  }

  private static String required(JsonNode node, String field) throws RowRejectedException {
    String value = text(node, field);
    if (value == null) {
      throw new RowRejectedException(RejectReason.MISSING_VALUE, field + ": is empty");
    }
    return value;
  }

  static BigDecimal decimal(JsonNode node, String field) throws RowRejectedException {
    BigDecimal value = optionalDecimal(node, field);
    if (value == null) {
      throw new RowRejectedException(RejectReason.MISSING_VALUE, field + ": is empty");
    }
    return value;
  }

  /** Numbers are read from their JSON text, never through a double. */
  static BigDecimal optionalDecimal(JsonNode node, String field) throws RowRejectedException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    return Fields.optionalDecimal(field, value.asText());
  }
}
