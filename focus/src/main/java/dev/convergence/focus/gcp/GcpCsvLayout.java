package dev.convergence.focus.gcp;

import dev.convergence.focus.MissingColumnsException;
import dev.convergence.focus.source.CsvHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where each column of a billing export CSV belongs in the export row's JSON shape. BigQuery cannot
 * extract the billing tables to CSV as they are (RECORD and REPEATED fields block it), so a CSV is
 * the output of a query or a console download that flattens them. Accepted column names: the dotted
 * path ({@code service.id}), or the path with underscores ({@code service_id}, what an {@code
 * EXPORT DATA} query's aliases can spell) for the fields of the documented schema. The repeated
 * fields ({@code credits}, {@code labels}, {@code system_labels}, {@code tags}, {@code
 * project.labels}, {@code project.ancestors}) must be JSON text, as {@code TO_JSON_STRING} writes
 * it. Any other column is kept under its own name (it counts in the row identity, and is otherwise
 * unused).
 */
final class GcpCsvLayout {

  /** The RECORD fields of the standard and detailed usage cost tables, and their leaves. */
  private static final Map<String, List<String>> RECORDS =
      Map.of(
          "service",
          List.of("id", "description"),
          "sku",
          List.of("id", "description"),
          "project",
          List.of("id", "number", "name", "labels", "ancestry_numbers", "ancestors"),
          "location",
          List.of("location", "country", "region", "zone"),
          "resource",
          List.of("name", "global_name"),
          "usage",
          List.of("amount", "unit", "amount_in_pricing_units", "pricing_unit"),
          "invoice",
          List.of("month", "publisher_type"),
          "adjustment_info",
          List.of("id", "description", "mode", "type"),
          "price",
          List.of(
              "effective_price",
              "tier_start_amount",
              "unit",
              "pricing_unit_quantity",
              "list_price",
              "effective_price_default",
              "list_price_consumption_model"),
          "consumption_model",
          List.of("id", "description"));

  private static final Set<String> REPEATED =
      Set.of("credits", "labels", "system_labels", "tags", "project.labels", "project.ancestors");

  static final List<String> REQUIRED =
      List.of(
          "billing_account_id",
          "usage_start_time",
          "usage_end_time",
          "export_time",
          "cost",
          "currency",
          "cost_type",
          "invoice.month");

  private static final Map<String, String> ALIASES = aliases();

  private final String[][] paths;
  private final boolean[] json;
  private final List<String> names;

  private GcpCsvLayout(List<String> names) {
    this.names = List.copyOf(names);
    this.paths = new String[names.size()][];
    this.json = new boolean[names.size()];
    for (int i = 0; i < names.size(); i++) {
      String path = path(names.get(i));
      paths[i] = path.split("\\.");
      json[i] = REPEATED.contains(path);
    }
  }

  /** The layout of a header, or the exception naming every required column it lacks. */
  static GcpCsvLayout of(CsvHeader header, String sourceFile) throws MissingColumnsException {
    List<String> present = header.names().stream().map(GcpCsvLayout::path).toList();
    List<String> missing = new ArrayList<>();
    for (String required : REQUIRED) {
      if (!present.contains(required)) {
        missing.add(required);
      }
    }
    if (!missing.isEmpty()) {
      throw new MissingColumnsException(sourceFile, "Google Cloud billing export CSV", missing);
    }
    return new GcpCsvLayout(header.names());
  }

  int size() {
    return paths.length;
  }

  /** The column's place in the row: {@code ["service", "id"]}. */
  String[] path(int column) {
    return paths[column];
  }

  /** Whether the column holds a repeated field as JSON text. */
  boolean isJson(int column) {
    return json[column];
  }

  /** The first column at this dotted path, or -1. */
  int column(String path) {
    for (int i = 0; i < paths.length; i++) {
      if (String.join(".", paths[i]).equals(path)) {
        return i;
      }
    }
    return -1;
  }

  String name(int column) {
    return names.get(column);
  }

  /** The dotted path of a column name: itself if dotted, else its alias, else the name. */
  static String path(String name) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    if (key.contains(".")) {
      return key;
    }
    return ALIASES.getOrDefault(key, key);
  }

  private static Map<String, String> aliases() {
    Map<String, String> aliases = new TreeMap<>();
    RECORDS.forEach(
        (record, leaves) -> {
          for (String leaf : leaves) {
            aliases.put(record + "_" + leaf, record + "." + leaf);
          }
        });
    return Map.copyOf(aliases);
  }
}
