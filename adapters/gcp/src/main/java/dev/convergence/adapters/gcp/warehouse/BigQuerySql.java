package dev.convergence.adapters.gcp.warehouse;

import dev.convergence.core.warehouse.Column;
import dev.convergence.core.warehouse.SliceColumns;
import dev.convergence.core.warehouse.TableSchema;
import dev.convergence.core.warehouse.WarehouseTables;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every SQL statement the BigQuery warehouse sends, in GoogleSQL, built in one place so the tests
 * can check each against Google's analyser. Values always travel as named query parameters, never
 * spliced into the text; only identifiers (project, dataset, table, column), which the catalogue
 * and {@link WarehouseTables#checkTenantId} constrain, are written in, each quoted on its own.
 */
final class BigQuerySql {

  /** The parameter names the publish transaction uses. */
  static final String PROVIDER = "provider";

  static final String PERIOD_START = "billing_period_start";
  static final String ACCOUNTS = "billing_accounts";

  private final String project;

  BigQuerySql(String project) {
    this.project = project;
  }

  /** {@code `project`.`dataset`.`table`}: each part quoted, so a project id with '-' is fine. */
  String table(String dataset, String table) {
    return quote(project) + "." + quote(dataset) + "." + quote(table);
  }

  static String quote(String identifier) {
    return "`" + identifier.replace("\\", "\\\\").replace("`", "\\`") + "`";
  }

  private static String columns(TableSchema table) {
    return table.columns().stream()
        .map(Column::name)
        .map(BigQuerySql::quote)
        .collect(Collectors.joining(", "));
  }

  /**
   * Counts the staged rows by owner, one {@code SELECT} per staging table, for {@code
   * StagedSlices}: table, tenant, provider, billing account, billing period start, rows.
   *
   * @param staged the tenant tables whose staging table was loaded, with those tables' names
   */
  String stagedGroups(String dataset, List<TableSchema> staged, List<String> stagingTables) {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < staged.size(); i++) {
      SliceColumns slice = staged.get(i).slice();
      if (i > 0) {
        sql.append("\nUNION ALL\n");
      }
      sql.append("SELECT '")
          .append(staged.get(i).name())
          .append("' AS table_name, x_tenant_id AS tenant_id, ")
          .append(quote(slice.provider()))
          .append(" AS provider, ")
          .append(quote(slice.billingAccount()))
          .append(" AS billing_account_id, ")
          .append(quote(slice.billingPeriodStart()))
          .append(" AS billing_period_start, COUNT(*) AS row_count FROM ")
          .append(table(dataset, stagingTables.get(i)))
          .append(" GROUP BY 1, 2, 3, 4, 5");
    }
    return sql.append("\nORDER BY 1, 2, 3, 4, 5").toString();
  }

  /**
   * The publish: one multi-statement transaction that deletes the slices from the three tenant
   * tables and inserts the staged rows. BigQuery rolls the transaction back when any statement in
   * it fails, so readers see all of it or none of it.
   *
   * @param stagingTables per tenant table, its staging table, or null when nothing was staged for
   *     it (its slices are still deleted)
   */
  List<String> publish(String dataset, List<String> stagingTables) {
    List<TableSchema> tables = WarehouseTables.TENANT_TABLES;
    java.util.ArrayList<String> statements = new java.util.ArrayList<>();
    statements.add("BEGIN TRANSACTION");
    for (int i = 0; i < tables.size(); i++) {
      TableSchema table = tables.get(i);
      SliceColumns slice = table.slice();
      statements.add(
          "DELETE FROM "
              + table(dataset, table.name())
              + " WHERE "
              + quote(slice.provider())
              + " = @"
              + PROVIDER
              + " AND "
              + quote(slice.billingPeriodStart())
              + " = @"
              + PERIOD_START
              + " AND "
              + quote(slice.billingAccount())
              + " IN UNNEST(@"
              + ACCOUNTS
              + ")");
      if (stagingTables.get(i) != null) {
        statements.add(
            "INSERT INTO "
                + table(dataset, table.name())
                + " ("
                + columns(table)
                + ") SELECT "
                + columns(table)
                + " FROM "
                + table(dataset, stagingTables.get(i)));
      }
    }
    statements.add("COMMIT TRANSACTION");
    return statements;
  }

  /**
   * Replaces the rows {@code keyColumns} match with {@code rows} rows of named parameters
   * {@code @<column>_<row>}: a delete and an insert in one transaction, so a retried write leaves
   * the same rows.
   */
  List<String> upsert(TableSchema table, List<String> keyColumns, int rows) {
    String name = table(WarehouseTables.OPS_DATASET, table.name());
    java.util.ArrayList<String> statements = new java.util.ArrayList<>();
    statements.add("BEGIN TRANSACTION");
    statements.add(
        "DELETE FROM "
            + name
            + " WHERE "
            + keyColumns.stream()
                .map(c -> quote(c) + " = @key_" + c)
                .collect(Collectors.joining(" AND ")));
    if (rows > 0) {
      StringBuilder insert =
          new StringBuilder("INSERT INTO " + name + " (" + columns(table) + ") VALUES ");
      for (int r = 0; r < rows; r++) {
        int row = r;
        insert
            .append(r == 0 ? "" : ", ")
            .append(
                table.columns().stream()
                    .map(c -> "@" + c.name() + "_" + row)
                    .collect(Collectors.joining(", ", "(", ")")));
      }
      statements.add(insert.toString());
    }
    statements.add("COMMIT TRANSACTION");
    return statements;
  }

  String sliceTotals(String dataset) {
    return "SELECT x_provider, BillingAccountId, BillingPeriodStart, COUNT(*) AS row_count,"
        + " COALESCE(SUM(BilledCost), 0) AS billed_cost FROM "
        + table(dataset, WarehouseTables.FOCUS_COSTS.name())
        + " GROUP BY 1, 2, 3 ORDER BY 1, 3, 2";
  }

  String pipelineRuns() {
    return "SELECT "
        + columns(WarehouseTables.PIPELINE_RUNS)
        + " FROM "
        + table(WarehouseTables.OPS_DATASET, WarehouseTables.PIPELINE_RUNS.name())
        + " WHERE tenant_id = @tenant_id ORDER BY started_at, run_id";
  }

  /** Statements joined into one multi-statement query. */
  static String script(List<String> statements) {
    return String.join(";\n", statements) + ";";
  }
}
