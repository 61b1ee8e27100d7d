package dev.convergence.focus.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.ConversionTally;
import dev.convergence.focus.FocusConformance;
import dev.convergence.focus.FocusRow;
import dev.convergence.focus.MissingColumnsException;
import dev.convergence.focus.Reject;
import dev.convergence.focus.Samples;
import dev.convergence.focus.SourceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureEaSampleTest {

  private static final SourceContext CONTEXT =
      new SourceContext("acme_corp", "run-1", "azure/2023-09/export.csv", "export-run-7");

  private final List<FocusRow> rows = new ArrayList<>();
  private final List<Reject> rejects = new ArrayList<>();

  private ConversionTally convert() throws IOException {
    try (ConversionStream stream =
        AzureCostExportReader.open(
            Samples.open(Samples.AZURE_EA), CONTEXT, AzureLayout.EA, AzureCostKind.ACTUAL)) {
      return stream.drain(rows::add, rejects::add);
    }
  }

  @Test
  void everyRecordIsConvertedAndNothingIsLost() throws IOException {
    ConversionTally tally = convert();

    assertThat(tally.inputRecords()).isEqualTo(27);
    assertThat(tally.outputRows() + tally.rejects()).isEqualTo(27);
    assertThat(rejects).isEmpty();
    assertThat(tally.unknownServices()).isEmpty();
    FocusConformance conformance = FocusConformance.v1_2();
    assertThat(rows).allSatisfy(row -> assertThat(conformance.check(row)).isEmpty());
  }

  @Test
  void billedCostReconcilesExactlyPerBillingAccountAndChargeCategory() throws IOException {
    convert();

    Map<String, BigDecimal> source =
        Samples.sourceTotals(
            Samples.AZURE_EA,
            "CostInBillingCurrency",
            r -> r.getField("BillingAccountId") + "/" + r.getField("ChargeType"));
    Map<String, BigDecimal> focus = Samples.focusTotals(rows);

    assertThat(focus.keySet()).containsExactlyElementsOf(source.keySet());
    source.forEach((key, total) -> assertThat(focus.get(key)).isEqualByComparingTo(total));
    // Summed by hand from the file with Python's decimal module (values like 5.64902E-05):
    assertThat(focus.get("12345678/Usage")).isEqualByComparingTo("1.26136926505726");
  }

  @Test
  void datesBecomeUtcDaysWithExclusiveEnds() throws IOException {
    convert();
    FocusRow first = rows.get(0);

    assertThat(first.chargePeriodStart()).isEqualTo(Instant.parse("2023-09-02T00:00:00Z"));
    assertThat(first.chargePeriodEnd()).isEqualTo(Instant.parse("2023-09-03T00:00:00Z"));
    assertThat(first.billingPeriodStart()).isEqualTo(Instant.parse("2023-09-01T00:00:00Z"));
    assertThat(first.billingPeriodEnd()).isEqualTo(Instant.parse("2023-10-01T00:00:00Z"));
  }

  @Test
  void mapsTheFirstRecordColumnByColumn() throws IOException {
    convert();
    FocusRow first = rows.get(0);

    assertThat(first.billedCost()).isEqualByComparingTo("0.000305367");
    assertThat(first.effectiveCost()).isEqualByComparingTo("0.000305367");
    assertThat(first.listCost()).isEqualByComparingTo("0.0109060512"); // PayGPrice x Quantity
    assertThat(first.contractedCost()).isEqualByComparingTo("0.0027265128"); // UnitPrice x Qty
    assertThat(first.billingCurrency()).isEqualTo("CAD");
    assertThat(first.billingAccountName()).isEqualTo("Example LTD.");
    assertThat(first.subAccountId()).isEqualTo("e18e1552-c6dd-45d1-973c-999999999999");
    assertThat(first.regionId()).isEqualTo("centralus");
    assertThat(first.serviceName()).isEqualTo("Virtual Network");
    assertThat(first.serviceCategory()).isEqualTo("Networking");
    assertThat(first.chargeCategory()).isEqualTo("Usage");
    assertThat(first.chargeFrequency()).isEqualTo("Usage-Based");
    assertThat(first.pricingCategory()).isEqualTo("Standard");
    assertThat(first.pricingQuantity()).isEqualByComparingTo("0.027265128");
    assertThat(first.pricingUnit()).isEqualTo("GB"); // "1 GB": a block of 1 is dropped
    assertThat(first.consumedQuantity()).isEqualTo(new BigDecimal("0.027265128"));
    assertThat(first.consumedUnit()).isEqualTo("GB");
    assertThat(first.providerName()).isEqualTo("Microsoft");
    assertThat(first.tags())
        .containsExactly(
            Map.entry("tagA", "valueA"), Map.entry("tagB", "valueB"), Map.entry("tagC", "valueC"));
    assertThat(first.xSnapshotId()).isEqualTo("export-run-7");
    assertThat(rows).filteredOn(r -> "Dynamic".equals(r.pricingCategory())).hasSize(3);
  }

  @Test
  void unitsOfMeasureBecomeFocusUnitsWithBlocksScaledExactly() throws IOException {
    convert();

    // Records 2 ("10K", 0.0129), 3 ("1 Hour", 0.433342) and 24 ("1K", 0.428) of the sample.
    assertThat(List.of(rows.get(1), rows.get(2), rows.get(23)))
        .extracting(
            FocusRow::pricingQuantity,
            FocusRow::pricingUnit,
            FocusRow::consumedQuantity,
            FocusRow::consumedUnit)
        .containsExactly(
            tuple(new BigDecimal("0.0129"), "10000 Units", new BigDecimal("129.0000"), "Units"),
            tuple(new BigDecimal("0.433342"), "Hours", new BigDecimal("0.433342"), "Hours"),
            tuple(new BigDecimal("0.428"), "1000 Units", new BigDecimal("428.000"), "Units"));
    // The unit price stays per block: contracted cost is UnitPrice x PricingQuantity.
    assertThat(rows.get(1).contractedCost()).isEqualTo(new BigDecimal("0.00129"));
  }

  @Test
  void mcaHeaderWithoutBillingProfileIsRefused() {
    String csv = "Date,CostInBillingCurrency\n9/2/2023,1\n";

    assertThatThrownBy(
            () ->
                AzureCostExportReader.open(
                    new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                    CONTEXT,
                    AzureLayout.MCA,
                    AzureCostKind.ACTUAL))
        .isInstanceOf(MissingColumnsException.class)
        .hasMessageContaining(
            "missing required columns BillingProfileId, BillingCurrencyCode,"
                + " BillingPeriodStartDate, BillingPeriodEndDate, ChargeType, SubscriptionId");
  }
}
