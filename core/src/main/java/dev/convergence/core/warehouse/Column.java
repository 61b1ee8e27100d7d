package dev.convergence.core.warehouse;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One column of a warehouse table.
 *
 * @param name the exact column name: FOCUS columns as the specification spells them, the rest in
 *     snake_case
 * @param required whether every row has a value (REQUIRED in BigQuery, NOT NULL in DuckDB)
 */
public record Column(String name, ColumnType type, boolean required) {

  /** Letters, digits and {@code _}: a name neither dialect needs to quote. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "column name: must be letters, digits or '_', not starting with a digit; got '"
              + name
              + "'");
    }
  }

  public static Column nullable(String name, ColumnType type) {
    return new Column(name, type, false);
  }

  public static Column required(String name, ColumnType type) {
    return new Column(name, type, true);
  }
}
