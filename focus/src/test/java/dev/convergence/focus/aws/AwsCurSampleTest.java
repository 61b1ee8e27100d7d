package dev.convergence.focus.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.ConversionTally;
import dev.convergence.focus.FocusConformance;
import dev.convergence.focus.FocusRow;
import dev.convergence.focus.MissingColumnsException;
import dev.convergence.focus.Reject;
import dev.convergence.focus.Samples;
import dev.convergence.focus.SourceContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class AwsCurSampleTest {

  private static final SourceContext CONTEXT =
      new SourceContext("acme_corp", "run-1", "cur/2023-11/sample.csv", "assembly-0001");

  private final List<FocusRow> rows = new ArrayList<>();
  private final List<Reject> rejects = new ArrayList<>();

  private ConversionTally convert(InputStream in) throws IOException {
    try (ConversionStream stream = AwsCurReader.open(in, CONTEXT)) {
      return stream.drain(rows::add, rejects::add);
    }
  }

  @Test
  void everyRecordIsConvertedAndNothingIsLost() throws IOException {
    ConversionTally tally = convert(Samples.open(Samples.AWS_CUR));

    assertThat(tally.inputRecords()).isEqualTo(1281);
    assertThat(tally.outputRows() + tally.rejects()).isEqualTo(1281);
    assertThat(rejects).isEmpty();
    assertThat(rows).hasSize(1281);
    assertThat(tally.unknownServices()).isEmpty();
  }

  @Test
  void billedCostReconcilesExactlyPerBillingAccountAndChargeCategory() throws IOException {
    convert(Samples.open(Samples.AWS_CUR));

    Map<String, BigDecimal> source =
        Samples.sourceTotals(
            Samples.AWS_CUR,
            "lineItem/UnblendedCost",
            r -> r.getField("bill/PayerAccountId") + "/" + r.getField("lineItem/LineItemType"));
    Map<String, BigDecimal> focus = Samples.focusTotals(rows);

    assertThat(focus.keySet()).containsExactlyElementsOf(source.keySet());
    source.forEach((key, total) -> assertThat(focus.get(key)).isEqualByComparingTo(total));
    // The same totals, summed by hand from the file with Python's decimal module:
    assertThat(focus.get("123412340534/Usage")).isEqualByComparingTo("1.60230869740");
    assertThat(focus.get("123412340534/Tax")).isEqualByComparingTo("0.08");
  }

  @Test
  void everyRowConformsAndCarriesItsContext() throws IOException {
    convert(Samples.open(Samples.AWS_CUR));
    FocusConformance conformance = FocusConformance.v1_2();

    assertThat(rows).allSatisfy(row -> assertThat(conformance.check(row)).isEmpty());
    FocusRow first = rows.get(0);
    assertThat(first.xSourceLine()).isEqualTo(2);
    assertThat(rows.get(1280).xSourceLine()).isEqualTo(1282);
    assertThat(first.xSnapshotId()).isEqualTo("assembly-0001");
    assertThat(first.xRowIdentity()).isNull();
    assertThat(first.xTenantId()).isEqualTo("acme_corp");
    assertThat(first.xSourceRowId())
        .isEqualTo("qmooz4hg3jabcdabcdabcdabcdabcdabcdabcdabcjqpgg7ep3a");
  }

  @Test
  void aTaxRowIsMappedAsTheSpecificationSays() throws IOException {
    convert(Samples.open(Samples.AWS_CUR));
    FocusRow tax = rows.get(0);

    assertThat(tax.chargeCategory()).isEqualTo("Tax");
    assertThat(tax.chargeFrequency()).isEqualTo("Recurring");
    assertThat(tax.chargePeriodStart()).isEqualTo(Instant.parse("2023-11-01T00:00:00Z"));
    assertThat(tax.chargePeriodEnd()).isEqualTo(Instant.parse("2023-12-01T00:00:00Z"));
    assertThat(tax.invoiceIssuerName()).isEqualTo("Amazon Web Services Canada, Inc.");
    assertThat(tax.serviceName()).isEqualTo("AWS CloudTrail");
    assertThat(tax.serviceCategory()).isEqualTo("Management and Governance");
    assertThat(tax.pricingQuantity()).isNull();
    assertThat(tax.consumedQuantity()).isNull();
    assertThat(tax.pricingCategory()).isNull();
  }

  @Test
  void readsGzipTheSameAsPlain() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (InputStream in = Samples.open(Samples.AWS_CUR);
        GZIPOutputStream out = new GZIPOutputStream(gz)) {
      in.transferTo(out);
    }
    ConversionTally tally = convert(new ByteArrayInputStream(gz.toByteArray()));

    assertThat(tally.outputRows()).isEqualTo(1281);
    assertThat(Samples.focusTotals(rows).get("123412340534/Usage"))
        .isEqualByComparingTo("1.60230869740");
  }

  @Test
  void aHeaderWithoutRequiredColumnsIsRefusedNamingThem() {
    String csv = "identity/LineItemId,lineItem/UnblendedCost,lineItem/UsageStartDate\nx,1.0,\n";

    assertThatThrownBy(
            () ->
                AwsCurReader.open(
                    new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), CONTEXT))
        .isInstanceOf(MissingColumnsException.class)
        .hasMessage(
            "cur/2023-11/sample.csv: header does not match the AWS CUR layout; missing required columns"
                + " bill/PayerAccountId, bill/BillingPeriodStartDate, bill/BillingPeriodEndDate,"
                + " lineItem/UsageAccountId, lineItem/LineItemType, lineItem/UsageEndDate,"
                + " lineItem/ProductCode, lineItem/CurrencyCode");
  }
}
