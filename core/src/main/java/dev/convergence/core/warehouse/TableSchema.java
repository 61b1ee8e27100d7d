package dev.convergence.core.warehouse;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A warehouse table as both adapters create it: its columns in order, and for the tenant tables the
 * columns that name a slice. BigQuery also partitions and clusters by what this says; DuckDB has no
 * such storage options and ignores them.
 *
 * @param partitionDay a TIMESTAMP column whose UTC day partitions the table, or null
 * @param clustering the columns the table is clustered by, in order (empty for none)
 * @param slice the slice key columns of a tenant table, or null for an operations table
 */
public record TableSchema(
    String name,
    List<Column> columns,
    String partitionDay,
    List<String> clustering,
    SliceColumns slice) {

  public TableSchema {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    clustering = clustering == null ? List.of() : List.copyOf(clustering);
    Set<String> names = new HashSet<>();
    for (Column column : columns) {
      if (!names.add(column.name())) {
        throw new IllegalArgumentException(name + ": lists column " + column.name() + " twice");
      }
    }
    if (partitionDay != null && !names.contains(partitionDay)) {
      throw new IllegalArgumentException(name + ": no partition column " + partitionDay);
    }
    for (String clustered : clustering) {
      if (!names.contains(clustered)) {
        throw new IllegalArgumentException(name + ": no clustering column " + clustered);
      }
    }
    if (slice != null && !names.containsAll(slice.names())) {
      throw new IllegalArgumentException(name + ": lacks a slice column of " + slice.names());
    }
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }
}
