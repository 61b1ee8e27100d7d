package dev.convergence.focus.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.ConversionTally;
import dev.convergence.focus.FocusRow;
import dev.convergence.focus.Reject;
import dev.convergence.focus.RejectReason;
import dev.convergence.focus.Samples;
import dev.convergence.focus.SourceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked FOCUS values for the tricky AWS line items in {@code aws/cur-legacy-golden.csv} (one
 * line item each, named by its identity/LineItemId).
 */
class AwsCurGoldenRowsTest {

  private static final String RI = "arn:aws:ec2:eu-west-1:111122223333:reserved-instances/ri-1";
  private static final String SP = "arn:aws:savingsplans::111122223333:savingsplan/sp-1";

  private final List<FocusRow> rows = new ArrayList<>();
  private final List<Reject> rejects = new ArrayList<>();
  private ConversionTally tally;

  @BeforeEach
  void convert() throws IOException {
    try (ConversionStream stream =
        AwsCurReader.open(
            Samples.open("/aws/cur-legacy-golden.csv"),
            new SourceContext("acme_corp", "run-1", "golden.csv", "asm-1"))) {
      tally = stream.drain(rows::add, rejects::add);
    }
  }

  private FocusRow row(String lineItemId) {
    return rows.stream()
        .filter(r -> lineItemId.equals(r.xSourceRowId()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + lineItemId + "; rejects " + rejects));
  }

  private static void costs(
      FocusRow row, String billed, String effective, String list, String contracted) {
    assertThat(row.billedCost()).as("BilledCost").isEqualByComparingTo(billed);
    assertThat(row.effectiveCost()).as("EffectiveCost").isEqualByComparingTo(effective);
    assertThat(row.listCost()).as("ListCost").isEqualByComparingTo(list);
    assertThat(row.contractedCost()).as("ContractedCost").isEqualByComparingTo(contracted);
  }

  @Test
  void accountsForEveryLineItem() {
    assertThat(tally.inputRecords()).isEqualTo(17);
    assertThat(tally.outputRows()).isEqualTo(14);
    assertThat(rejects)
        .extracting(Reject::line, Reject::reason, Reject::rawCost)
        .containsExactly(
            tuple(16L, RejectReason.UNKNOWN_CHARGE_TYPE, new BigDecimal("7.77")),
            tuple(17L, RejectReason.INVALID_NUMBER, null),
            tuple(18L, RejectReason.NOT_CONFORMANT, new BigDecimal("0.5")));
    assertThat(rejects.get(1).message())
        .isEqualTo("lineItem/UnblendedCost: '12,50' is not a decimal number");
    assertThat(rejects.get(2).message()).startsWith("ChargePeriodEnd: is 2026-10-14T10:00:00Z");
    assertThat(tally.rejectedCost()).isEqualByComparingTo("8.27");
    assertThat(tally.unknownServices()).containsExactly(Map.entry("prod-abc123xyz", 1L));
  }

  @Test
  void onDemandUsageWithUnicodeAndCommaTags() {
    FocusRow usage = row("l2-usage");

    costs(usage, "0.096", "0.096", "0.096", "0.096");
    assertThat(usage.chargeCategory()).isEqualTo("Usage");
    assertThat(usage.chargeClass()).isNull();
    assertThat(usage.chargeFrequency()).isEqualTo("Usage-Based");
    assertThat(usage.pricingCategory()).isEqualTo("Standard");
    assertThat(usage.pricingQuantity()).isEqualByComparingTo("1");
    assertThat(usage.pricingUnit()).isEqualTo("Hrs");
    assertThat(usage.consumedQuantity()).isEqualByComparingTo("1");
    assertThat(usage.contractedUnitPrice()).isEqualByComparingTo("0.096");
    assertThat(usage.listUnitPrice()).isEqualByComparingTo("0.096");
    assertThat(usage.billingAccountId()).isEqualTo("111122223333");
    assertThat(usage.subAccountId()).isEqualTo("444455556666");
    assertThat(usage.invoiceId()).isEqualTo("EUINGB26-0001");
    assertThat(usage.invoiceIssuerName()).isEqualTo("Amazon Web Services EMEA SARL");
    assertThat(usage.publisherName()).isEqualTo("Amazon Web Services");
    assertThat(usage.providerName()).isEqualTo("AWS");
    assertThat(usage.regionId()).isEqualTo("eu-west-1");
    assertThat(usage.regionName()).isEqualTo("EU (Ireland)");
    assertThat(usage.availabilityZone()).isEqualTo("eu-west-1a");
    assertThat(usage.resourceId()).isEqualTo("i-0abc");
    assertThat(usage.skuId()).isEqualTo("SKU1");
    assertThat(usage.skuPriceId()).isEqualTo("SKU1.JRTCKXETXF.6YS6EN2CT7");
    assertThat(usage.serviceCategory()).isEqualTo("Compute");
    assertThat(usage.serviceSubcategory()).isEqualTo("Virtual Machines");
    assertThat(usage.commitmentDiscountId()).isNull();
    assertThat(usage.tags())
        .containsExactly(
            Map.entry("aws:createdBy", "IAMUser:alice"), Map.entry("team", "Zürich, payments"));
  }

  @Test
  void taxCreditAndRefund() {
    FocusRow tax = row("l3-tax");
    costs(tax, "1.25", "1.25", "1.25", "1.25");
    assertThat(tax.chargeCategory()).isEqualTo("Tax");
    assertThat(tax.chargeFrequency()).isEqualTo("Recurring");
    assertThat(tax.pricingQuantity()).isNull();

    FocusRow credit = row("l4-credit");
    costs(credit, "-5.00", "-5.00", "-5.00", "-5.00");
    assertThat(credit.chargeCategory()).isEqualTo("Credit");
    assertThat(credit.chargeClass()).isNull();
    assertThat(credit.chargeFrequency()).isEqualTo("One-Time");

    // A refund is a deduction: Credit. Its usage (2026-10-14) lies in the billing period it is
    // invoiced in (October), so it corrects nothing already invoiced: ChargeClass null.
    FocusRow refund = row("l5-refund");
    costs(refund, "-0.40", "-0.40", "-0.40", "-0.40");
    assertThat(refund.chargeCategory()).isEqualTo("Credit");
    assertThat(refund.chargeClass()).isNull();
    assertThat(refund.chargeFrequency()).isEqualTo("One-Time");
  }

  @Test
  void reservedInstanceUsageAndFee() {
    FocusRow covered = row("l6-riusage");
    costs(covered, "0", "0.0620", "0.096", "0.096");
    assertThat(covered.chargeCategory()).isEqualTo("Usage");
    assertThat(covered.pricingCategory()).isEqualTo("Committed");
    assertThat(covered)
        .extracting(
            FocusRow::commitmentDiscountId,
            FocusRow::commitmentDiscountCategory,
            FocusRow::commitmentDiscountType,
            FocusRow::commitmentDiscountStatus)
        .containsExactly(RI, "Usage", "Reserved Instance", "Used");

    FocusRow fee = row("l7-rifee");
    // EffectiveCost: the unused part only (3.10 upfront + 2.00 recurring); the rest is in usage.
    costs(fee, "44.64", "5.10", "44.64", "44.64");
    assertThat(fee.chargeCategory()).isEqualTo("Purchase");
    assertThat(fee.chargeFrequency()).isEqualTo("Recurring");
    assertThat(fee.pricingQuantity()).isEqualByComparingTo("744");
    assertThat(fee.consumedQuantity()).isNull();
    assertThat(fee.commitmentDiscountId()).isEqualTo(RI);
    assertThat(fee.commitmentDiscountStatus()).isNull();
  }

  @Test
  void savingsPlanUsageNegationAndFees() {
    FocusRow covered = row("l8-spusage");
    costs(covered, "0.096", "0.0700", "0.096", "0.096");
    assertThat(covered.commitmentDiscountCategory()).isEqualTo("Spend");
    assertThat(covered.commitmentDiscountType()).isEqualTo("Savings Plan");
    assertThat(covered.commitmentDiscountStatus()).isEqualTo("Used");

    FocusRow negation = row("l9-spneg");
    costs(negation, "-0.096", "0", "0", "0");
    assertThat(negation.chargeCategory()).isEqualTo("Usage");
    assertThat(negation.consumedQuantity()).isNull();

    FocusRow recurring = row("l10-sprecur");
    costs(recurring, "72.00", "1.50", "72.00", "72.00");
    assertThat(recurring.chargeFrequency()).isEqualTo("Recurring");

    FocusRow upfront = row("l11-spupfront");
    costs(upfront, "1000.00", "0", "1000.00", "1000.00");
    assertThat(upfront.chargeCategory()).isEqualTo("Purchase");
    assertThat(upfront.chargeFrequency()).isEqualTo("One-Time");
    assertThat(upfront.commitmentDiscountId()).isEqualTo(SP);
  }

  @Test
  void marketplaceDiscountZeroAndMidnight() {
    FocusRow marketplace = row("l12-market");
    assertThat(marketplace.publisherName()).isEqualTo("Acme Software Ltd");
    assertThat(marketplace.invoiceIssuerName()).isEqualTo("Amazon Web Services EMEA SARL");
    assertThat(marketplace.serviceName()).isEqualTo("Acme Firewall");
    assertThat(marketplace.serviceCategory()).isEqualTo("Other");
    assertThat(marketplace.serviceSubcategory()).isEqualTo("Other (Other)");

    // A Credit with no list unit price: ListCost MUST match BilledCost (FOCUS 1.2 ListCost).
    FocusRow discount = row("l13-edp");
    costs(discount, "-0.0096", "-0.0096", "-0.0096", "-0.0096");
    assertThat(discount.chargeCategory()).isEqualTo("Credit");
    assertThat(discount.chargeClass()).isNull();
    assertThat(discount.chargeFrequency()).isEqualTo("Usage-Based");

    FocusRow zero = row("l14-zero");
    costs(zero, "0", "0", "0", "0");
    assertThat(zero.consumedQuantity()).isEqualByComparingTo("0.5");

    FocusRow midnight = row("l15-midnight");
    assertThat(midnight.chargePeriodStart()).isEqualTo(Instant.parse("2026-10-14T23:00:00Z"));
    assertThat(midnight.chargePeriodEnd()).isEqualTo(Instant.parse("2026-10-15T01:00:00Z"));
    assertThat(midnight.billedCost()).isEqualByComparingTo("0.192");
  }

  @Test
  void creditsRefundsAndDiscountsOfAnEarlierBillingPeriodAreCorrections() throws IOException {
    String golden;
    try (InputStream in = Samples.open("/aws/cur-legacy-golden.csv")) {
      golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> lines = golden.lines().toList();
    // l4-credit, l5-refund and l13-edp with their usage moved to September, billed in October.
    String september =
        Stream.concat(
                Stream.of(lines.get(0)),
                lines.stream()
                    .filter(
                        l -> l.startsWith("l4-") || l.startsWith("l5-") || l.startsWith("l13-")))
            .map(
                l ->
                    l.replace(
                        "2026-10-14T10:00:00Z,2026-10-14T11:00:00Z",
                        "2026-09-14T10:00:00Z,2026-09-14T11:00:00Z"))
            .collect(Collectors.joining("\n", "", "\n"));
    List<FocusRow> corrections = new ArrayList<>();
    List<Reject> refused = new ArrayList<>();
    try (ConversionStream stream =
        AwsCurReader.open(
            new ByteArrayInputStream(september.getBytes(StandardCharsets.UTF_8)),
            new SourceContext("acme_corp", "run-1", "september.csv", "asm-2"))) {
      stream.drain(corrections::add, refused::add);
    }

    assertThat(refused).isEmpty();
    assertThat(corrections)
        .extracting(
            FocusRow::xSourceRowId,
            FocusRow::chargeCategory,
            FocusRow::chargeClass,
            FocusRow::chargePeriodStart,
            FocusRow::billingPeriodStart,
            FocusRow::listCost)
        .containsExactly(
            tuple(
                "l4-credit",
                "Credit",
                "Correction",
                Instant.parse("2026-09-14T10:00:00Z"),
                Instant.parse("2026-10-01T00:00:00Z"),
                new BigDecimal("-5.00")),
            tuple(
                "l5-refund",
                "Credit",
                "Correction",
                Instant.parse("2026-09-14T10:00:00Z"),
                Instant.parse("2026-10-01T00:00:00Z"),
                new BigDecimal("-0.40")),
            tuple(
                "l13-edp",
                "Credit",
                "Correction",
                Instant.parse("2026-09-14T10:00:00Z"),
                Instant.parse("2026-10-01T00:00:00Z"),
                new BigDecimal("-0.0096")));
  }
}
