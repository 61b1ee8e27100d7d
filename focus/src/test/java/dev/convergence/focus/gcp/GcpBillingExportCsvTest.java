package dev.convergence.focus.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.ConversionTally;
import dev.convergence.focus.FocusRow;
import dev.convergence.focus.MissingColumnsException;
import dev.convergence.focus.Reject;
import dev.convergence.focus.RejectReason;
import dev.convergence.focus.Samples;
import dev.convergence.focus.SourceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CSV fixture holds the JSON-lines fixture's rows (all but the truncated line 9) as a flattened
 * CSV: dotted names, BigQuery's text timestamps, repeated fields as TO_JSON_STRING text.
 */
class GcpBillingExportCsvTest {

  private static final String JSONL = "/gcp/billing-export-detailed.jsonl";
  private static final String CSV = "/gcp/billing-export-detailed.csv";

  private record Converted(List<FocusRow> rows, List<Reject> rejects, ConversionTally tally) {}

  @Test
  void givesTheJsonLinesRowsAndIdentities() throws IOException {
    Converted json = jsonLines();
    Converted csv = csv(Samples.open(CSV));

    assertThat(csv.rows()).hasSize(json.rows().size()).hasSize(13);
    assertThat(csv.rows().stream().map(GcpBillingExportCsvTest::located).toList())
        .containsExactlyElementsOf(
            json.rows().stream().map(GcpBillingExportCsvTest::located).toList());
    assertThat(csv.rows())
        .extracting(FocusRow::xRowIdentity)
        .containsExactlyElementsOf(json.rows().stream().map(FocusRow::xRowIdentity).toList());
    // JSON line 1 is CSV line 2 (after the header); JSON line 10 is CSV line 10 (line 9 is gone).
    assertThat(csv.rows().get(0).xSourceLine()).isEqualTo(2);
    assertThat(csv.rejects())
        .extracting(Reject::line, Reject::reason, Reject::rawCost)
        .containsExactly(tuple(10L, RejectReason.UNKNOWN_CHARGE_TYPE, new BigDecimal("3.25")));
    assertThat(csv.tally().unknownServices()).isEqualTo(json.tally().unknownServices());
  }

  @Test
  void acceptsUnderscoredNamesForTheRecordFields() throws IOException {
    String fixture = new String(Samples.open(CSV).readAllBytes(), StandardCharsets.UTF_8);
    int headerEnd = fixture.indexOf('\n');
    String underscored =
        fixture.substring(0, headerEnd).replace('.', '_') + fixture.substring(headerEnd);
    assertThat(underscored).startsWith("billing_account_id,service_id,service_description,");

    Converted aliased = csv(new ByteArrayInputStream(underscored.getBytes(StandardCharsets.UTF_8)));

    assertThat(aliased.rows()).containsExactlyElementsOf(csv(Samples.open(CSV)).rows());
  }

  @Test
  void aHeaderWithoutRequiredColumnsNamesThemAll() {
    String header =
        "billing_account_id,usage_start_time,usage_end_time,export_time,currency,cost_type\n";

    assertThatThrownBy(() -> csv(new ByteArrayInputStream(header.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(MissingColumnsException.class)
        .satisfies(
            e ->
                assertThat(((MissingColumnsException) e).missing())
                    .containsExactly("cost", "invoice.month"));
  }

  @Test
  void creditsThatAreNotJsonRejectTheRowWithItsCost() throws IOException {
    String file =
        "billing_account_id,usage_start_time,usage_end_time,export_time,cost,currency,cost_type,"
            + "invoice_month,credits\n"
            + "01A2B3-C4D5E6-F7A8B9,2023-11-05 10:00:00 UTC,2023-11-05 11:00:00 UTC,"
            + "2023-11-05 14:03:11 UTC,1.25,EUR,regular,202311,\"[{\"\"amount\"\": -0.1\"\n";

    Converted converted = csv(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));

    assertThat(converted.rows()).isEmpty();
    assertThat(converted.rejects())
        .extracting(Reject::line, Reject::reason, Reject::message, Reject::rawCost)
        .containsExactly(
            tuple(
                2L,
                RejectReason.INVALID_JSON,
                "credits: is not valid JSON",
                new BigDecimal("1.25")));
  }

  /** The row without where it was read from. */
  private static FocusRow located(FocusRow row) {
    return row.toBuilder().xSourceFile("billing-export").xSourceLine(1).build();
  }

  private static Converted jsonLines() throws IOException {
    List<FocusRow> rows = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    try (ConversionStream stream =
        GcpBillingExportReader.openJsonLines(Samples.open(JSONL), context("extract.jsonl"))) {
      return new Converted(rows, rejects, stream.drain(rows::add, rejects::add));
    }
  }

  private static Converted csv(InputStream in) throws IOException {
    List<FocusRow> rows = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    try (ConversionStream stream = GcpBillingExportReader.openCsv(in, context("extract.csv"))) {
      return new Converted(rows, rejects, stream.drain(rows::add, rejects::add));
    }
  }

  private static SourceContext context(String file) {
    return SourceContext.appendOnly("acme_corp", "run-1", "gcp/2023-11/" + file);
  }
}
