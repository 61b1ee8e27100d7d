package dev.convergence.focus.azure;

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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked rows of an amortized MCA export ({@code azure/mca-amortized-golden.csv}: camelCase
 * headers, a byte-order mark, CRLF, ISO dates, prices in USD billed in EUR at 0.9).
 */
class AzureMcaAmortizedGoldenRowsTest {

  private final List<FocusRow> rows = new ArrayList<>();
  private final List<Reject> rejects = new ArrayList<>();
  private ConversionTally tally;

  @BeforeEach
  void convert() throws IOException {
    try (ConversionStream stream =
        AzureCostExportReader.open(
            Samples.open("/azure/mca-amortized-golden.csv"),
            new SourceContext("acme_corp", "run-1", "mca.csv", "export-run-3"),
            AzureLayout.MCA,
            AzureCostKind.AMORTIZED)) {
      tally = stream.drain(rows::add, rejects::add);
    }
  }

  private FocusRow line(long line) {
    return rows.stream().filter(r -> r.xSourceLine() == line).findFirst().orElseThrow();
  }

  @Test
  void accountsForEveryRecord() {
    assertThat(tally.inputRecords()).isEqualTo(6);
    assertThat(tally.outputRows()).isEqualTo(5);
    assertThat(rejects)
        .singleElement()
        .satisfies(
            reject -> {
              assertThat(reject.line()).isEqualTo(7);
              assertThat(reject.reason()).isEqualTo(RejectReason.INVALID_JSON);
              assertThat(reject.message()).isEqualTo("Tags: is not a JSON object");
              assertThat(reject.rawCost()).isEqualByComparingTo("4.20");
            });
    assertThat(tally.unknownServices())
        .containsExactlyInAnyOrderEntriesOf(Map.of("Microsoft.Compute", 1L, "Acme Firewall", 1L));
  }

  @Test
  void reservationCoveredUsageWasBilledThroughThePurchase() {
    FocusRow covered = line(2);

    assertThat(covered.billedCost()).isEqualByComparingTo("0");
    assertThat(covered.effectiveCost()).isEqualByComparingTo("0.62");
    assertThat(covered.listCost()).isEqualByComparingTo("2.25"); // 0.25 USD x 10 x 0.9
    assertThat(covered.contractedCost()).isEqualByComparingTo("1.8"); // 0.2 USD x 10 x 0.9
    assertThat(covered.listUnitPrice()).isEqualByComparingTo("0.225");
    assertThat(covered.pricingCurrency()).isEqualTo("USD");
    assertThat(covered.pricingCurrencyContractedUnitPrice()).isEqualByComparingTo("0.2");
    assertThat(covered.pricingCategory()).isEqualTo("Committed");
    assertThat(covered)
        .extracting(
            FocusRow::commitmentDiscountCategory,
            FocusRow::commitmentDiscountType,
            FocusRow::commitmentDiscountStatus,
            FocusRow::commitmentDiscountName)
        .containsExactly("Usage", "Reservation", "Used", "vm-reservation");
    assertThat(covered.billingAccountId()).isEqualTo("BP-7788");
    assertThat(covered.billingAccountName()).isEqualTo("Example Profile");
    assertThat(covered.invoiceId()).isEqualTo("G012345678");
    assertThat(covered.regionId()).isEqualTo("westeurope");
    assertThat(covered.chargePeriodStart()).isEqualTo(Instant.parse("2026-10-14T00:00:00Z"));
    assertThat(covered.chargePeriodEnd()).isEqualTo(Instant.parse("2026-10-15T00:00:00Z"));
    assertThat(covered.billingPeriodEnd()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(covered.tags())
        .containsExactly(Map.entry("env", "prod"), Map.entry("team", "Zürich, payments"));
  }

  @Test
  void unusedReservationIsUnusedUsage() {
    FocusRow unused = line(3);

    assertThat(unused.chargeCategory()).isEqualTo("Usage");
    assertThat(unused.billedCost()).isEqualByComparingTo("0");
    assertThat(unused.effectiveCost()).isEqualByComparingTo("0.10");
    assertThat(unused.commitmentDiscountStatus()).isEqualTo("Unused");
    assertThat(unused.consumedQuantity()).isNull();
    assertThat(unused.pricingQuantity()).isEqualByComparingTo("10");
  }

  @Test
  void savingsPlanPurchaseRefundAndMarketplace() {
    FocusRow purchase = line(4);
    assertThat(purchase.chargeCategory()).isEqualTo("Purchase");
    assertThat(purchase.chargeFrequency()).isEqualTo("One-Time");
    assertThat(purchase.billedCost()).isEqualByComparingTo("100.00");
    assertThat(purchase.effectiveCost()).isEqualByComparingTo("0");
    assertThat(purchase.commitmentDiscountCategory()).isEqualTo("Spend");
    assertThat(purchase.commitmentDiscountType()).isEqualTo("Savings Plan");
    assertThat(purchase.commitmentDiscountStatus()).isNull();

    // A refund is a deduction: Credit. Dated 2026-10-14 in the October billing period, it corrects
    // nothing already invoiced: ChargeClass null. No list unit price: ListCost = BilledCost.
    FocusRow refund = line(5);
    assertThat(refund.chargeCategory()).isEqualTo("Credit");
    assertThat(refund.chargeClass()).isNull();
    assertThat(refund.billedCost()).isEqualByComparingTo("-3.00");
    assertThat(refund.effectiveCost()).isEqualByComparingTo("-3.00");
    assertThat(refund.listCost()).isEqualByComparingTo("-3.00");
    assertThat(refund.listUnitPrice()).isNull();

    FocusRow marketplace = line(6);
    assertThat(marketplace.publisherName()).isEqualTo("Acme Software Ltd");
    assertThat(marketplace.invoiceIssuerName()).isEqualTo("Microsoft");
    assertThat(marketplace.listCost()).isEqualByComparingTo("13.5");
    assertThat(marketplace.contractedCost()).isEqualByComparingTo("9.0");
    assertThat(marketplace.serviceCategory()).isEqualTo("Other");
  }

  @Test
  void refundsCreditsAndAdjustmentsDatedBeforeTheBillingPeriodAreCorrections() throws IOException {
    String golden;
    try (InputStream in = Samples.open("/azure/mca-amortized-golden.csv")) {
      golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> lines = golden.lines().toList();
    String refund = lines.get(4); // the refund, line 5
    String csv =
        String.join(
            "\r\n",
            lines.get(0),
            refund.replace("2026-10-14,Refund,", "2026-09-20,Refund,"),
            refund.replace("2026-10-14,Refund,", "2026-09-20,Adjustment,"),
            refund.replace("2026-10-14,Refund,", "2026-09-20,Credit,"),
            refund.replace("2026-10-14,Refund,", "2026-10-14,Adjustment,"));
    List<FocusRow> converted = new ArrayList<>();
    List<Reject> refused = new ArrayList<>();
    try (ConversionStream stream =
        AzureCostExportReader.open(
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
            new SourceContext("acme_corp", "run-1", "mca-late.csv", "export-run-4"),
            AzureLayout.MCA,
            AzureCostKind.AMORTIZED)) {
      stream.drain(converted::add, refused::add);
    }

    assertThat(refused).isEmpty();
    assertThat(converted)
        .extracting(
            FocusRow::xSourceChargeType,
            FocusRow::chargeCategory,
            FocusRow::chargeClass,
            FocusRow::chargePeriodStart)
        .containsExactly(
            tuple("Refund", "Credit", "Correction", Instant.parse("2026-09-20T00:00:00Z")),
            tuple("Adjustment", "Adjustment", "Correction", Instant.parse("2026-09-20T00:00:00Z")),
            tuple("Credit", "Credit", "Correction", Instant.parse("2026-09-20T00:00:00Z")),
            tuple("Adjustment", "Adjustment", null, Instant.parse("2026-10-14T00:00:00Z")));
    assertThat(converted)
        .extracting(FocusRow::billingPeriodStart)
        .containsOnly(Instant.parse("2026-10-01T00:00:00Z"));
  }
}
