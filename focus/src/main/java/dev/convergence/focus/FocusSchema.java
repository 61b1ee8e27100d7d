package dev.convergence.focus;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The FOCUS 1.2 column definitions, as data: loaded from {@code focus-1.2-columns.csv} and {@code
 * focus-1.2-service-subcategories.csv} (facts copied from the specification), in specification
 * order.
 */
public final class FocusSchema {

  private static final String COLUMNS = "focus-1.2-columns.csv";
  private static final String SUBCATEGORIES = "focus-1.2-service-subcategories.csv";
  private static final FocusSchema V1_2 = load();

  private final Map<String, ColumnSpec> columns;
  private final List<ColumnSpec> ordered;
  private final Map<String, Set<String>> subcategories;

  private FocusSchema(Map<String, ColumnSpec> columns, Map<String, Set<String>> subcategories) {
    this.columns = Collections.unmodifiableMap(columns);
    this.ordered = List.copyOf(columns.values());
    this.subcategories = Collections.unmodifiableMap(subcategories);
  }

  public static FocusSchema v1_2() {
    return V1_2;
  }

  /** Every column, in specification order. */
  public List<ColumnSpec> columns() {
    return ordered;
  }

  public ColumnSpec column(String name) {
    ColumnSpec spec = columns.get(name);
    if (spec == null) {
      throw new IllegalArgumentException("'" + name + "' is not a FOCUS 1.2 column");
    }
    return spec;
  }

  /** The allowed ServiceSubcategory values under one ServiceCategory (empty if it is unknown). */
  public Set<String> subcategoriesOf(String serviceCategory) {
    return subcategories.getOrDefault(serviceCategory, Set.of());
  }

  private static FocusSchema load() {
    Map<String, ColumnSpec> columns = new LinkedHashMap<>();
    for (List<String> f : readResource(COLUMNS)) {
      List<String> allowed =
          f.get(6).isEmpty() || f.get(6).startsWith("see ")
              ? List.of()
              : Arrays.asList(f.get(6).split("\\|"));
      columns.put(
          f.get(0),
          new ColumnSpec(
              f.get(0),
              f.get(1),
              ColumnSpec.Level.valueOf(f.get(2).toUpperCase(Locale.ROOT)),
              Boolean.parseBoolean(f.get(3)),
              f.get(4),
              f.get(5),
              allowed));
    }
    Map<String, Set<String>> subcategories = new LinkedHashMap<>();
    for (List<String> f : readResource(SUBCATEGORIES)) {
      subcategories.computeIfAbsent(f.get(0), k -> new LinkedHashSet<>()).add(f.get(1));
    }
    return new FocusSchema(columns, subcategories);
  }

  private static List<List<String>> readResource(String name) {
    InputStream in = FocusSchema.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("resource " + name + " is missing from the classpath");
    }
    List<List<String>> rows = new ArrayList<>();
    try (CsvReader<CsvRecord> reader =
        CsvReader.builder().ofCsvRecord(in, StandardCharsets.UTF_8)) {
      boolean header = true;
      for (CsvRecord record : reader) {
        if (!header) {
          rows.add(record.getFields());
        }
        header = false;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
    return rows;
  }
}
