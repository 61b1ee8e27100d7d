package dev.convergence.focus.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The billing-export table as BigQuery's Parquet extract: {@code billing-export-table.jsonl}'s rows
 * written in the export's Parquet shape give the FOCUS rows, identities and rejects the JSON-lines
 * reader gives for the lines themselves. Numbers in the JSON are spelled as the export's text shows
 * them (a FLOAT64 by its shortest round-trip digits, a NUMERIC without padding zeros), as BigQuery
 * writes one row in either format.
 */
class GcpBillingExportParquetTest {

  private static final String JSONL = "/gcp/billing-export-table.jsonl";
  private static final String FILE = "staging/acme_corp/run-1/extract/000000000000.parquet";

  @TempDir Path dir;

  private record Converted(List<FocusRow> rows, List<Reject> rejects, ConversionTally tally) {}

  @Test
  void givesTheJsonLinesRowsAndIdentities() throws IOException {
    String lines = fixture();
    Path parquet = dir.resolve("extract.parquet");
    BillingExportParquetFixture.write(
        parquet,
        BillingExportParquetFixture.DETAILED,
        BillingExportParquetFixture.rows(lines),
        128 * 1024);

    Converted json = jsonLines(lines);
    Converted fromParquet = parquet(parquet);

    assertThat(json.rows()).hasSize(8);
    // Every column equal, x_row_identity and x_source_line (line n is row n) included.
    assertThat(fromParquet.rows()).containsExactlyElementsOf(json.rows());
    assertThat(fromParquet.rejects())
        .containsExactlyElementsOf(json.rejects())
        .extracting(Reject::line, Reject::reason, Reject::message, Reject::rawCost)
        .containsExactly(
            tuple(
                6L,
                RejectReason.UNKNOWN_CHARGE_TYPE,
                "cost_type: 'surcharge' has no documented FOCUS mapping",
                new BigDecimal("3.25")));
    assertThat(fromParquet.tally().inputRecords()).isEqualTo(6);
    assertThat(fromParquet.tally().unknownServices()).isEqualTo(json.tally().unknownServices());

    List<FocusRow> rows = fromParquet.rows();
    assertThat(rows)
        .extracting(FocusRow::xSourceLine, FocusRow::chargeCategory, FocusRow::billedCost)
        .containsExactly(
            tuple(1L, "Usage", new BigDecimal("1.234567")),
            tuple(1L, "Credit", new BigDecimal("-0.1234")),
            tuple(1L, "Credit", new BigDecimal("-0.5")),
            tuple(2L, "Tax", new BigDecimal("0.21")),
            tuple(3L, "Usage", new BigDecimal("0.123456789012345")),
            tuple(4L, "Usage", new BigDecimal("42.0")),
            tuple(4L, "Credit", new BigDecimal("-12.5")),
            tuple(5L, "Usage", new BigDecimal("0.75")));
    String identity = rows.get(0).xRowIdentity();
    assertThat(identity).matches("[0-9a-f]{64}");
    assertThat(rows)
        .extracting(FocusRow::xRowIdentity)
        .startsWith(identity, identity + "/credits/0", identity + "/credits/1")
        .doesNotHaveDuplicates();
    // NUMERIC comes as DECIMAL(38,9): the value, without the scale's padding zeros.
    assertThat(rows.get(0).contractedUnitPrice()).isEqualTo(new BigDecimal("0.308641"));
    assertThat(rows.get(4).contractedUnitPrice()).isEqualTo(new BigDecimal("0.02"));
    // DOUBLE usage amounts: the shortest digits, exactly, including scientific notation.
    assertThat(rows.get(4).consumedQuantity()).isEqualTo(new BigDecimal("1073741824"));
    assertThat(rows.get(4).pricingQuantity()).isEqualTo(new BigDecimal("3.85E-7"));
    assertThat(rows.get(4).tags()).containsEntry("123456789012/env", "prod");
    assertThat(rows.get(0).tags())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("team", "Zürich, payments", "app", "caisse-été"));
    assertThat(rows.get(6).commitmentDiscountId()).isEqualTo("cud-42");
    assertThat(rows.get(7).chargeClass()).isEqualTo("Correction");
  }

  @Test
  void streamsAFileOfManyRowGroups() throws IOException {
    String lines = String.join("", Collections.nCopies(50, fixture()));
    List<JsonNode> rows = BillingExportParquetFixture.rows(lines);
    Path parquet = dir.resolve("many.parquet");
    BillingExportParquetFixture.write(
        parquet, BillingExportParquetFixture.DETAILED, rows, 16 * 1024);
    try (ParquetFileReader file = ParquetFileReader.open(new LocalInputFile(parquet))) {
      assertThat(file.getRowGroups().size()).isGreaterThan(3);
    }

    Converted fromParquet = parquet(parquet);

    assertThat(fromParquet.tally().inputRecords()).isEqualTo(300);
    assertThat(fromParquet.rows()).hasSize(400).containsExactlyElementsOf(jsonLines(lines).rows());
    // 50 × (1.234567 − 0.1234 − 0.5 + 0.21 + 0.123456789012345 + 42.0 − 12.5 + 0.75), exactly.
    assertThat(fromParquet.rows().stream().map(FocusRow::billedCost).reduce(BigDecimal::add))
        .contains(new BigDecimal("1559.731189450617250"));
  }

  @Test
  void aFileWithoutRequiredColumnsNamesThemAll() throws IOException {
    MessageType schema =
        MessageTypeParser.parseMessageType(
            """
            message schema {
              optional binary billing_account_id (STRING);
              optional int64 usage_start_time (TIMESTAMP(MICROS,true));
              optional int64 usage_end_time (TIMESTAMP(MICROS,true));
              optional int64 export_time (TIMESTAMP(MICROS,true));
              optional binary currency (STRING);
              optional binary cost_type (STRING);
              optional group invoice { optional binary publisher_type (STRING); }
            }
            """);
    Path parquet = dir.resolve("partial.parquet");
    BillingExportParquetFixture.write(
        parquet, schema, BillingExportParquetFixture.rows(fixture()), 128 * 1024);

    assertThatThrownBy(() -> parquet(parquet))
        .isInstanceOf(MissingColumnsException.class)
        .hasMessage(
            FILE
                + ": header does not match the Google Cloud billing export Parquet layout;"
                + " missing required columns cost, invoice.month")
        .satisfies(
            e ->
                assertThat(((MissingColumnsException) e).missing())
                    .containsExactly("cost", "invoice.month"));
  }

  private static String fixture() throws IOException {
    return new String(Samples.open(JSONL).readAllBytes(), StandardCharsets.UTF_8);
  }

  private static Converted jsonLines(String lines) throws IOException {
    List<FocusRow> rows = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    try (ConversionStream stream =
        GcpBillingExportReader.openJsonLines(
            new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), context())) {
      return new Converted(rows, rejects, stream.drain(rows::add, rejects::add));
    }
  }

  private static Converted parquet(Path file) throws IOException {
    List<FocusRow> rows = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    try (ConversionStream stream = GcpBillingExportReader.openParquet(file, context())) {
      return new Converted(rows, rejects, stream.drain(rows::add, rejects::add));
    }
  }

  /** Both readers see the same file name, so whole rows compare, x_source_file included. */
  private static SourceContext context() {
    return SourceContext.appendOnly("acme_corp", "run-1", FILE);
  }
}
