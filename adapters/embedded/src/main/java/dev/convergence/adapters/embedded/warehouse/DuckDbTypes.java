package dev.convergence.adapters.embedded.warehouse;

import dev.convergence.core.warehouse.Column;
import dev.convergence.core.warehouse.TableSchema;
import java.util.stream.Collectors;

/** The catalogue's tables in DuckDB's SQL: types, quoting, and {@code CREATE TABLE}. */
final class DuckDbTypes {

  private DuckDbTypes() {}

  /** The type as {@code CREATE TABLE} names it and {@code information_schema} reports it. */
  static String sqlType(Column column) {
    return switch (column.type()) {
      case STRING -> "VARCHAR";
      case INT64 -> "BIGINT";
      case DECIMAL -> "DECIMAL(38,18)";
      case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
      case DATE -> "DATE";
      case BOOL -> "BOOLEAN";
    };
  }

  /** A double-quoted identifier; catalogue and tenant names never hold a quote, but be exact. */
  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static String table(String schema, TableSchema table) {
    return quote(schema) + "." + quote(table.name());
  }

  static String columnList(TableSchema table) {
    return table.columns().stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
  }

  static String createTable(String schema, TableSchema table) {
    return "CREATE TABLE IF NOT EXISTS "
        + table(schema, table)
        + " ("
        + table.columns().stream()
            .map(c -> quote(c.name()) + " " + sqlType(c) + (c.required() ? " NOT NULL" : ""))
            .collect(Collectors.joining(", "))
        + ")";
  }

  /** A single-quoted SQL string literal. */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
