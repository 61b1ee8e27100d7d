package dev.convergence.focus.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Golden rows for the hand-written fixture; see {@code gcp/README.md} for what each line is. */
class GcpBillingExportTest {

  private static final String FIXTURE = "/gcp/billing-export-detailed.jsonl";
  private static final SourceContext CONTEXT =
      SourceContext.appendOnly("acme_corp", "run-1", "gcp/2023-11/extract-1.jsonl");

  private final List<FocusRow> rows = new ArrayList<>();
  private final List<Reject> rejects = new ArrayList<>();
  private ConversionTally tally;

  @BeforeEach
  void convert() throws IOException {
    try (ConversionStream stream =
        GcpBillingExportReader.openJsonLines(Samples.open(FIXTURE), CONTEXT)) {
      tally = stream.drain(rows::add, rejects::add);
    }
  }

  private List<FocusRow> line(long line) {
    return rows.stream().filter(r -> r.xSourceLine() == line).toList();
  }

  @Test
  void accountsForEveryLine() {
    assertThat(tally.inputRecords()).isEqualTo(11);
    assertThat(tally.rejects()).isEqualTo(2);
    assertThat(tally.outputRows()).isEqualTo(13); // 9 charges and 4 credits
    assertThat(tally.rejectedCost()).isEqualByComparingTo("3.25");
    assertThat(tally.rejectsWithoutCost()).isEqualTo(1);
    assertThat(rejects)
        .extracting(Reject::line, Reject::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(9L, RejectReason.MALFORMED_RECORD),
            org.assertj.core.groups.Tuple.tuple(10L, RejectReason.UNKNOWN_CHARGE_TYPE));
    assertThat(rejects.get(1).message())
        .isEqualTo("cost_type: 'surcharge' has no documented FOCUS mapping");
    assertThat(tally.unknownServices())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("Acme Analytics SaaS", 1L, "Quantum Widgets", 1L));
  }

  @Test
  void billedCostIsCostPlusCreditsPerBillingAccountAndCategory() {
    assertThat(Samples.focusTotals(rows))
        .containsOnlyKeys(
            "01A2B3-C4D5E6-F7A8B9/Usage",
            "01A2B3-C4D5E6-F7A8B9/Credit",
            "01A2B3-C4D5E6-F7A8B9/Tax",
            "01A2B3-C4D5E6-F7A8B9/Adjustment")
        .satisfies(
            totals -> {
              // 1.234567 x 2 (line 1 and its duplicate) + 0.01 + 42.0 + 0 + 0.75 + 0.05
              assertThat(totals.get("01A2B3-C4D5E6-F7A8B9/Usage"))
                  .isEqualByComparingTo("45.279134");
              // (-0.1234 - 0.5) x 2
              assertThat(totals.get("01A2B3-C4D5E6-F7A8B9/Credit")).isEqualByComparingTo("-1.2468");
              assertThat(totals.get("01A2B3-C4D5E6-F7A8B9/Tax")).isEqualByComparingTo("0.21");
              assertThat(totals.get("01A2B3-C4D5E6-F7A8B9/Adjustment"))
                  .isEqualByComparingTo("-2.5");
            });
  }

  @Test
  void usageRowMapsColumnByColumn() {
    FocusRow usage = line(1).get(0);

    assertThat(usage.chargeCategory()).isEqualTo("Usage");
    assertThat(usage.chargeFrequency()).isEqualTo("Usage-Based");
    assertThat(usage.billedCost()).isEqualByComparingTo("1.234567");
    assertThat(usage.effectiveCost()).isEqualByComparingTo("1.234567");
    assertThat(usage.listCost()).isEqualByComparingTo("1.5");
    assertThat(usage.billingCurrency()).isEqualTo("EUR");
    assertThat(usage.subAccountId()).isEqualTo("shop-prod");
    assertThat(usage.subAccountName()).isEqualTo("Shop Production");
    assertThat(usage.regionId()).isEqualTo("europe-west1");
    assertThat(usage.availabilityZone()).isEqualTo("europe-west1-b");
    assertThat(usage.resourceName()).isEqualTo("web-1");
    assertThat(usage.serviceCategory()).isEqualTo("Compute");
    assertThat(usage.serviceSubcategory()).isEqualTo("Virtual Machines");
    assertThat(usage.pricingQuantity()).isEqualByComparingTo("4");
    assertThat(usage.pricingUnit()).isEqualTo("hour");
    assertThat(usage.consumedQuantity()).isEqualByComparingTo("14400");
    assertThat(usage.consumedUnit()).isEqualTo("seconds");
    assertThat(usage.chargePeriodStart()).isEqualTo(Instant.parse("2023-11-05T10:00:00Z"));
    assertThat(usage.chargePeriodEnd()).isEqualTo(Instant.parse("2023-11-05T11:00:00Z"));
    // invoice.month 202311 is a Pacific Time month
    assertThat(usage.billingPeriodStart()).isEqualTo(Instant.parse("2023-11-01T07:00:00Z"));
    assertThat(usage.billingPeriodEnd()).isEqualTo(Instant.parse("2023-12-01T08:00:00Z"));
    assertThat(usage.tags())
        .containsExactly(Map.entry("app", "caisse-été"), Map.entry("team", "Zürich, payments"));
    assertThat(usage.xSnapshotId()).isNull();
    assertThat(usage.xRowIdentity()).hasSize(64);
  }

  @Test
  void creditsBecomeTheirOwnCreditRows() {
    List<FocusRow> first = line(1);

    assertThat(first).hasSize(3);
    assertThat(first.subList(1, 3))
        .extracting(FocusRow::chargeCategory, FocusRow::billedCost, FocusRow::chargeDescription)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Credit", new BigDecimal("-0.1234"), "Sustained usage discount"),
            org.assertj.core.groups.Tuple.tuple(
                "Credit", new BigDecimal("-0.5"), "Free Trial credit"));
    assertThat(first.get(1).xRowIdentity()).isEqualTo(first.get(0).xRowIdentity() + "/credits/0");
    assertThat(first.get(1).xSourceChargeType()).isEqualTo("credit/SUSTAINED_USAGE_DISCOUNT");
    // Credits carry no list unit price: ListCost MUST match BilledCost (FOCUS 1.2 ListCost).
    assertThat(first.get(1).listCost()).isEqualByComparingTo("-0.1234");
    assertThat(first.get(2).listCost()).isEqualByComparingTo("-0.5");
    assertThat(first.get(2).listUnitPrice()).isNull();
    assertThat(first).extracting(FocusRow::chargeClass).containsOnlyNulls();
    assertThat(first.get(2).subAccountId()).isEqualTo("shop-prod");
  }

  @Test
  void anExactDuplicateSharesItsIdentityAndALateCorrectionDoesNot() {
    assertThat(line(4))
        .extracting(FocusRow::xRowIdentity)
        .containsExactlyElementsOf(line(1).stream().map(FocusRow::xRowIdentity).toList());
    assertThat(line(5).get(0).xRowIdentity()).isNotEqualTo(line(1).get(0).xRowIdentity());
  }

  @Test
  void taxAdjustmentMarketplaceZeroAndMidnightRows() {
    FocusRow tax = line(2).get(0);
    assertThat(tax.chargeCategory()).isEqualTo("Tax");
    assertThat(tax.chargeFrequency()).isEqualTo("One-Time");
    assertThat(tax.serviceCategory()).isEqualTo("Other");
    assertThat(tax.pricingQuantity()).isNull();

    FocusRow adjustment = line(3).get(0);
    assertThat(adjustment.chargeCategory()).isEqualTo("Adjustment");
    // Usage on 2023-11-05, invoice month 202311: a correction within the current billing period.
    assertThat(adjustment.chargeClass()).isNull();
    assertThat(adjustment.billedCost()).isEqualByComparingTo("-2.5");
    assertThat(adjustment.listCost()).isEqualByComparingTo("-2.5");

    FocusRow marketplace = line(6).get(0);
    assertThat(marketplace.publisherName()).isEqualTo("Acme Analytics Inc.");
    assertThat(marketplace.invoiceIssuerName()).isEqualTo("Google Cloud");
    assertThat(marketplace.serviceCategory()).isEqualTo("Other");

    FocusRow zero = line(7).get(0);
    assertThat(zero.billedCost()).isEqualByComparingTo("0");
    assertThat(zero.serviceSubcategory()).isEqualTo("Object Storage");
    assertThat(zero.pricingQuantity()).isEqualByComparingTo("0.000000385");

    FocusRow midnight = line(8).get(0);
    assertThat(midnight.chargePeriodStart()).isEqualTo(Instant.parse("2023-11-05T23:00:00Z"));
    assertThat(midnight.chargePeriodEnd()).isEqualTo(Instant.parse("2023-11-06T01:00:00Z"));
  }

  @Test
  void rowsWithUsageInAnEarlierInvoiceMonthAreCorrections() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> lines;
    try (InputStream in = Samples.open(FIXTURE)) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    // 2023-11-01 06:00 UTC is 2023-10-31 23:00 Pacific: October, before invoice month 202311.
    ObjectNode late = (ObjectNode) json.readTree(lines.get(0));
    late.put("usage_start_time", "2023-11-01 06:00:00 UTC")
        .put("usage_end_time", "2023-11-01 07:00:00 UTC");
    ObjectNode octoberAdjustment = (ObjectNode) json.readTree(lines.get(2));
    octoberAdjustment
        .put("usage_start_time", "2023-10-20 10:00:00 UTC")
        .put("usage_end_time", "2023-10-20 11:00:00 UTC");
    // 2023-11-01 07:00 UTC is midnight Pacific: the invoice month itself.
    ObjectNode novemberAdjustment = (ObjectNode) json.readTree(lines.get(2));
    novemberAdjustment
        .put("usage_start_time", "2023-11-01 07:00:00 UTC")
        .put("usage_end_time", "2023-11-01 08:00:00 UTC");
    String input =
        String.join(
            "\n",
            json.writeValueAsString(late),
            json.writeValueAsString(octoberAdjustment),
            json.writeValueAsString(novemberAdjustment));
    List<FocusRow> converted = new ArrayList<>();
    List<Reject> refused = new ArrayList<>();
    try (ConversionStream stream =
        GcpBillingExportReader.openJsonLines(
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), CONTEXT)) {
      stream.drain(converted::add, refused::add);
    }

    assertThat(refused).isEmpty();
    assertThat(converted)
        .extracting(
            FocusRow::xSourceLine,
            FocusRow::chargeCategory,
            FocusRow::chargeClass,
            FocusRow::billedCost,
            FocusRow::listCost)
        .containsExactly(
            tuple(1L, "Usage", "Correction", new BigDecimal("1.234567"), new BigDecimal("1.5")),
            tuple(1L, "Credit", "Correction", new BigDecimal("-0.1234"), new BigDecimal("-0.1234")),
            tuple(1L, "Credit", "Correction", new BigDecimal("-0.5"), new BigDecimal("-0.5")),
            tuple(2L, "Adjustment", "Correction", new BigDecimal("-2.5"), new BigDecimal("-2.5")),
            tuple(3L, "Adjustment", null, new BigDecimal("-2.5"), new BigDecimal("-2.5")));
    assertThat(converted)
        .extracting(FocusRow::billingPeriodStart)
        .containsOnly(Instant.parse("2023-11-01T07:00:00Z"));
  }

  /** Jackson rejects a leading U+FEFF, so with the mark kept the first line was a reject. */
  @Test
  void aUtf8ByteOrderMarkBeforeTheFirstLineIsLeftOut() throws IOException {
    byte[] fixture;
    try (InputStream in = Samples.open(FIXTURE)) {
      fixture = in.readAllBytes();
    }
    byte[] withMark = new byte[fixture.length + 3];
    withMark[0] = (byte) 0xEF;
    withMark[1] = (byte) 0xBB;
    withMark[2] = (byte) 0xBF;
    System.arraycopy(fixture, 0, withMark, 3, fixture.length);
    List<FocusRow> converted = new ArrayList<>();
    List<Reject> refused = new ArrayList<>();
    try (ConversionStream stream =
        GcpBillingExportReader.openJsonLines(new ByteArrayInputStream(withMark), CONTEXT)) {
      stream.drain(converted::add, refused::add);
    }

    assertThat(converted).isEqualTo(rows).anyMatch(row -> row.xSourceLine() == 1);
    assertThat(refused).isEqualTo(rejects);
  }
}
