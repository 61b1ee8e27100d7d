package dev.convergence.focus.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.ConversionTally;
import dev.convergence.focus.FocusRow;
import dev.convergence.focus.MissingColumnsException;
import dev.convergence.focus.Reject;
import dev.convergence.focus.Samples;
import dev.convergence.focus.SourceContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CUR 2.0 as Parquet: the same rows as the CSV fixture give the same FOCUS rows. */
class AwsCurParquetTest {

  private static final String CSV = "/aws/cur2-sample.csv";

  @TempDir Path dir;

  @Test
  void parquetRowsAreTheCsvRows() throws IOException {
    List<NamedCsvRecord> records = Samples.records(CSV);
    Path parquet = dir.resolve("cur2.parquet");
    Cur2ParquetFixture.write(parquet, header(), records, 128 * 1024);

    List<FocusRow> fromCsv = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    try (ConversionStream stream = AwsCurReader.open(Samples.open(CSV), context("cur2.csv"))) {
      stream.drain(fromCsv::add, rejects::add);
    }
    List<FocusRow> fromParquet = new ArrayList<>();
    try (ConversionStream stream = AwsCurReader.openParquet(parquet, context("cur2.parquet"))) {
      stream.drain(fromParquet::add, rejects::add);
    }

    assertThat(rejects).isEmpty();
    assertThat(fromCsv).hasSize(2);
    // CSV lines 2 and 3 are Parquet rows 1 and 2; everything else is equal, value for value.
    assertThat(fromParquet).extracting(FocusRow::xSourceLine).containsExactly(1L, 2L);
    assertThat(fromParquet)
        .extracting(FocusRow::xSourceFile)
        .containsExactly("cur2.parquet", "cur2.parquet");
    assertThat(fromParquet.stream().map(row -> asCsv(row, "cur2.csv")).toList())
        .containsExactlyElementsOf(fromCsv);
    assertThat(fromParquet.get(0).billedCost()).isEqualTo(new BigDecimal("0.096"));
    assertThat(fromParquet.get(0).tags())
        .containsEntry("user_team", "Zürich, payments")
        .containsEntry("user_env", "prod");
  }

  @Test
  void streamsAFileOfManyRowGroups() throws IOException {
    List<NamedCsvRecord> usage = List.of(Samples.records(CSV).get(0));
    List<NamedCsvRecord> many = IntStream.range(0, 1000).mapToObj(i -> usage.get(0)).toList();
    Path parquet = dir.resolve("many.parquet");
    Cur2ParquetFixture.write(parquet, header(), many, 1024);
    try (ParquetFileReader file = ParquetFileReader.open(new LocalInputFile(parquet))) {
      assertThat(file.getRowGroups().size()).isGreaterThan(1);
    }

    BigDecimal[] billed = {BigDecimal.ZERO};
    ConversionTally tally;
    try (ConversionStream stream = AwsCurReader.openParquet(parquet, context("many.parquet"))) {
      tally = stream.drain(row -> billed[0] = billed[0].add(row.billedCost()), reject -> {});
    }

    assertThat(tally.inputRecords()).isEqualTo(1000);
    assertThat(tally.outputRows()).isEqualTo(1000);
    assertThat(billed[0]).isEqualTo(new BigDecimal("96.000"));
  }

  @Test
  void aFileWithoutRequiredColumnsNamesThemAll() throws IOException {
    List<String> columns =
        header().stream()
            .filter(
                c -> !c.equals("line_item_unblended_cost") && !c.equals("bill_payer_account_id"))
            .toList();
    Path parquet = dir.resolve("partial.parquet");
    Cur2ParquetFixture.write(parquet, columns, Samples.records(CSV), 128 * 1024);

    assertThatThrownBy(() -> AwsCurReader.openParquet(parquet, context("partial.parquet")))
        .isInstanceOf(MissingColumnsException.class)
        .satisfies(
            e ->
                assertThat(((MissingColumnsException) e).missing())
                    .containsExactly("bill/PayerAccountId", "lineItem/UnblendedCost"));
  }

  private static List<String> header() {
    return Samples.records(CSV).get(0).getHeader();
  }

  private static FocusRow asCsv(FocusRow row, String file) {
    return row.toBuilder().xSourceFile(file).xSourceLine(row.xSourceLine() + 1).build();
  }

  private static SourceContext context(String file) {
    return new SourceContext("acme_corp", "run-1", file, "export-2026-10-15");
  }
}
