package dev.convergence.focus.source;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.convergence.focus.FocusSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A provider's maintained mapping from its service codes to FOCUS ServiceCategory and
 * ServiceSubcategory, loaded from a CSV resource ({@code services-<provider>.csv}: code, category,
 * subcategory; codes match ignoring case). A code that is not in the table maps to {@code Other} /
 * {@code Other (Other)} and is counted, never guessed: the counts tell the maintainers what to add.
 *
 * <p>One instance counts for one file; {@link #load(String)} reads the table.
 */
public final class ServiceCatalog {

  /** A FOCUS service classification. */
  public record ServiceClass(String category, String subcategory) {}

  public static final ServiceClass OTHER = new ServiceClass("Other", "Other (Other)");

  private final Map<String, ServiceClass> classes;
  private final Map<String, Long> unknown = new TreeMap<>();

  private ServiceCatalog(Map<String, ServiceClass> classes) {
    this.classes = classes;
  }

  /** Loads {@code services-<provider>.csv}, failing if a row breaks the FOCUS category lists. */
  public static ServiceCatalog load(String provider) {
    String name = "services-" + provider + ".csv";
    InputStream in = ServiceCatalog.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("resource " + name + " is missing from the classpath");
    }
    FocusSchema schema = FocusSchema.v1_2();
    Map<String, ServiceClass> classes = new HashMap<>();
    try (CsvReader<CsvRecord> reader =
        CsvReader.builder()
            .commentStrategy(de.siegmar.fastcsv.reader.CommentStrategy.SKIP)
            .ofCsvRecord(in, StandardCharsets.UTF_8)) {
      boolean header = true;
      for (CsvRecord record : reader) {
        if (header) {
          header = false;
          continue;
        }
        String code = record.getField(0);
        ServiceClass serviceClass = new ServiceClass(record.getField(1), record.getField(2));
        if (!schema.subcategoriesOf(serviceClass.category()).contains(serviceClass.subcategory())) {
          throw new IllegalStateException(
              name
                  + ":"
                  + record.getStartingLineNumber()
                  + ": '"
                  + serviceClass.subcategory()
                  + "' is not a FOCUS 1.2 subcategory of '"
                  + serviceClass.category()
                  + "'");
        }
        if (classes.put(code.toLowerCase(Locale.ROOT), serviceClass) != null) {
          throw new IllegalStateException(
              name + ":" + record.getStartingLineNumber() + ": duplicate code '" + code + "'");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
    return new ServiceCatalog(classes);
  }

  /** The classification of a code; an unknown or empty code is Other, and counted. */
  public ServiceClass classify(String code) {
    String key = code == null ? "" : code.toLowerCase(Locale.ROOT);
    ServiceClass known = classes.get(key);
    if (known != null) {
      return known;
    }
    unknown.merge(code == null ? "" : code, 1L, Long::sum);
    return OTHER;
  }

  public boolean knows(String code) {
    return code != null && classes.containsKey(code.toLowerCase(Locale.ROOT));
  }

  /** Rows per unknown code so far. */
  public Map<String, Long> unknown() {
    return Map.copyOf(unknown);
  }
}
