package dev.convergence.core.warehouse;

import dev.convergence.core.warehouse.WarehouseException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How an existing table differs from its {@link TableSchema}: the catalogue columns it lacks (which
 * an additive migration adds, as nullable) and the columns whose type differs (which no additive
 * migration can fix). Columns the table has beyond the catalogue are left alone: inserts name their
 * columns, so they stay null.
 *
 * @param missing catalogue columns the table lacks, in catalogue order
 * @param conflicts a sentence per column whose type differs
 */
public record SchemaDiff(String table, List<Column> missing, List<String> conflicts) {

  public SchemaDiff {
    missing = List.copyOf(missing);
    conflicts = List.copyOf(conflicts);
  }

  /**
   * Compares {@code actual} (column name to the adapter's own type name) with {@code expected},
   * whose types {@code nativeType} names in the adapter's terms.
   *
   * @param table the table's qualified name, for messages
   */
  public static SchemaDiff between(
      String table,
      TableSchema expected,
      Map<String, String> actual,
      Function<Column, String> nativeType) {
    List<Column> missing = new ArrayList<>();
    List<String> conflicts = new ArrayList<>();
    for (Column column : expected.columns()) {
      String found = actual.get(column.name());
      if (found == null) {
        missing.add(column);
      } else if (!found.equalsIgnoreCase(nativeType.apply(column))) {
        conflicts.add(
            column.name() + " is " + found + ", the catalogue says " + nativeType.apply(column));
      }
    }
    return new SchemaDiff(table, missing, conflicts);
  }

  public boolean isCurrent() {
    return missing.isEmpty() && conflicts.isEmpty();
  }

  /** Throws unless the table is current: the message names the table and what differs. */
  public void requireCurrent() {
    requireNoConflicts();
    if (!missing.isEmpty()) {
      throw new WarehouseException(
          Reason.SCHEMA_OUT_OF_DATE,
          table
              + " lacks column(s) "
              + missing.stream().map(Column::name).toList()
              + " of the schema catalogue; run the additive migration (Warehouse.migrate) first");
    }
  }

  /** Throws when a column's type differs: no additive migration can change a type. */
  public void requireNoConflicts() {
    if (!conflicts.isEmpty()) {
      throw new WarehouseException(
          Reason.SCHEMA_CONFLICT,
          table
              + " differs from the schema catalogue beyond what an additive migration can fix: "
              + String.join("; ", conflicts));
    }
  }
}
