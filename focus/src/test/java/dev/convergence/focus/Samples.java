package dev.convergence.focus;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The real provider samples in {@code src/test/resources/samples}, read independently. */
public final class Samples {

  public static final String AWS_CUR = "/samples/sample-anonymous-aws-export-dataset.csv";
  public static final String AZURE_EA = "/samples/sample-anonymous-ea-export-dataset.csv";

  private Samples() {}

  public static InputStream open(String resource) {
    InputStream in = Samples.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + resource);
    }
    return in;
  }

  public static List<NamedCsvRecord> records(String resource) {
    try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(open(resource))) {
      List<NamedCsvRecord> records = new ArrayList<>();
      reader.forEach(records::add);
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The source's own total of one cost column, grouped by a key made from each record. */
  public static Map<String, BigDecimal> sourceTotals(
      String resource, String costColumn, Function<NamedCsvRecord, String> key) {
    Map<String, BigDecimal> totals = new TreeMap<>();
    for (NamedCsvRecord record : records(resource)) {
      totals.merge(key.apply(record), new BigDecimal(record.getField(costColumn)), BigDecimal::add);
    }
    return totals;
  }

  /** FOCUS totals of BilledCost by billing account and charge category. */
  public static Map<String, BigDecimal> focusTotals(List<FocusRow> rows) {
    Map<String, BigDecimal> totals = new TreeMap<>();
    for (FocusRow row : rows) {
      totals.merge(
          row.billingAccountId() + "/" + row.chargeCategory(), row.billedCost(), BigDecimal::add);
    }
    return totals;
  }
}
