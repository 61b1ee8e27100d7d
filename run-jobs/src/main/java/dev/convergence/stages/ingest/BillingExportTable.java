package dev.convergence.stages.ingest;

import java.util.regex.Pattern;

/**
 * A Google Cloud billing-export table in BigQuery, {@code project.dataset.table}: where a tenant's
 * Google Cloud billing data lives when it is not exported to files.
 */
public record BillingExportTable(String project, String dataset, String table) {

  private static final Pattern PROJECT = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,1023}");

  public BillingExportTable {
    if (project == null || !PROJECT.matcher(project).matches()) {
      throw new IllegalArgumentException(
          "billing_export_table: the project must be a Google Cloud project id; got '"
              + project
              + "'");
    }
    if (dataset == null || !NAME.matcher(dataset).matches()) {
      throw new IllegalArgumentException(
          "billing_export_table: the dataset must be letters, digits and _; got '" + dataset + "'");
    }
    if (table == null || !NAME.matcher(table).matches()) {
      throw new IllegalArgumentException(
          "billing_export_table: the table must be letters, digits and _; got '" + table + "'");
    }
  }

  /** Parses {@code project.dataset.table}. */
  public static BillingExportTable parse(String text) {
    String[] parts = text == null ? new String[0] : text.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "billing_export_table: must be project.dataset.table; got '" + text + "'");
    }
    return new BillingExportTable(parts[0], parts[1], parts[2]);
  }

  /** The table as a quoted GoogleSQL path. */
  public String sql() {
    return "`" + project + "." + dataset + "." + table + "`";
  }

  @Override
  public String toString() {
    return project + "." + dataset + "." + table;
  }
}
