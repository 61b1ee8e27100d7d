package dev.convergence.adapters.embedded.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.core.provider.Provider;
import dev.convergence.core.warehouse.ColumnType;
import dev.convergence.core.warehouse.Publication;
import dev.convergence.core.warehouse.SliceTotal;
import dev.convergence.core.warehouse.StagedOutput;
import dev.convergence.core.warehouse.StagedRows;
import dev.convergence.core.warehouse.TableSchema;
import dev.convergence.core.warehouse.Warehouse;
import dev.convergence.core.warehouse.WarehouseContract;
import dev.convergence.core.warehouse.WarehouseException;
import dev.convergence.core.warehouse.WarehouseTables;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DuckDbWarehouseTest extends WarehouseContract {

  @TempDir Path directory;

  private DuckDbWarehouse duckDb;
  private ParquetStager stager;

  @Override
  protected Warehouse newWarehouse() throws Exception {
    duckDb = new DuckDbWarehouse(directory.resolve("warehouse.duckdb"), directory.resolve("store"));
    stager = new ParquetStager(directory.resolve("store"));
    return duckDb;
  }

  @AfterEach
  void closeAll() throws Exception {
    stager.close();
    duckDb.close();
  }

  @Override
  protected StagedOutput stage(StagedRows rows) throws Exception {
    return stager.stage(rows);
  }

  @Override
  protected List<String> tableRows(String dataset, TableSchema table) throws Exception {
    // A second connection to the same database, through the adapter's own: what a reader sees.
    String columns =
        table.columns().stream()
            .map(
                c ->
                    c.type() == ColumnType.TIMESTAMP
                        ? "epoch_us(" + DuckDbTypes.quote(c.name()) + ")"
                        : DuckDbTypes.quote(c.name()))
            .collect(Collectors.joining(", "));
    List<String> rows = new ArrayList<>();
    try (Connection connection = ((org.duckdb.DuckDBConnection) primaryOf(duckDb)).duplicate();
        Statement statement = connection.createStatement()) {
      ResultSet exists =
          statement.executeQuery(
              "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                  + dataset
                  + "' AND table_name = '"
                  + table.name()
                  + "'");
      exists.next();
      if (exists.getLong(1) == 0) {
        return rows;
      }
      try (ResultSet result =
          statement.executeQuery(
              "SELECT " + columns + " FROM " + DuckDbTypes.table(dataset, table))) {
        while (result.next()) {
          List<String> values = new ArrayList<>();
          for (int i = 0; i < table.columns().size(); i++) {
            Object value = result.getObject(i + 1);
            if (value != null && table.columns().get(i).type() == ColumnType.TIMESTAMP) {
              value = Instant.EPOCH.plus(((Number) value).longValue(), ChronoUnit.MICROS);
            } else if (value instanceof BigDecimal decimal) {
              value = decimal.toPlainString();
            }
            values.add(String.valueOf(value));
          }
          rows.add(String.join("|", values));
        }
      }
    }
    rows.sort(null);
    return rows;
  }

  private static Connection primaryOf(DuckDbWarehouse warehouse) throws Exception {
    var field = DuckDbWarehouse.class.getDeclaredField("primary");
    field.setAccessible(true);
    return (Connection) field.get(warehouse);
  }

  private List<List<String>> everyTenantTable(String tenant) throws Exception {
    List<List<String>> tables = new ArrayList<>();
    for (TableSchema table : WarehouseTables.TENANT_TABLES) {
      tables.add(tableRows(tenant, table));
    }
    return tables;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "delete focus_costs",
        "insert focus_costs",
        "delete daily_costs",
        "insert daily_costs",
        "delete cost_anomalies",
        "insert cost_anomalies"
      })
  void aPublishKilledBetweenItsStatementsLeavesTheOldSliceWhole(String killedAfter)
      throws Exception {
    publish(
        StagedRows.bill("acme_corp", "nov-1", Provider.AWS, NOV, List.of("111", "222"), 3, "10"),
        "acme_corp",
        Provider.AWS);
    List<List<String>> before = everyTenantTable("acme_corp");
    List<SliceTotal> totalsBefore = warehouse.sliceTotals("acme_corp");
    StagedOutput restated =
        stage(
            StagedRows.bill(
                "acme_corp", "nov-2", Provider.AWS, NOV, List.of("111", "222"), 5, "20"));
    duckDb.afterEachStatement(
        statement -> {
          if (statement.equals(killedAfter)) {
            throw new IllegalStateException("killed after " + statement);
          }
        });

    assertThatThrownBy(
            () ->
                warehouse.publish(
                    new Publication("acme_corp", "nov-2", Provider.AWS, NOV, restated)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("killed after " + killedAfter);

    assertThat(everyTenantTable("acme_corp")).isEqualTo(before);
    assertThat(warehouse.sliceTotals("acme_corp")).isEqualTo(totalsBefore);
    // The next attempt, not killed, publishes the restated slice whole.
    duckDb.afterEachStatement(statement -> {});
    warehouse.publish(new Publication("acme_corp", "nov-2", Provider.AWS, NOV, restated));
    assertThat(warehouse.sliceTotals("acme_corp"))
        .extracting(SliceTotal::rows)
        .containsExactly(5L, 5L);
  }

  @Test
  void whatWasPublishedIsThereAfterTheDatabaseIsReopened() throws Exception {
    publish(
        StagedRows.bill("acme_corp", "nov-1", Provider.AWS, NOV, List.of("111"), 2, "10"),
        "acme_corp",
        Provider.AWS);
    List<SliceTotal> totals = warehouse.sliceTotals("acme_corp");
    duckDb.close();

    duckDb = new DuckDbWarehouse(directory.resolve("warehouse.duckdb"), directory.resolve("store"));

    assertThat(duckDb.sliceTotals("acme_corp")).isEqualTo(totals).hasSize(1);
  }

  @Test
  void aTableBehindTheCatalogueIsRefusedUntilMigrated() throws Exception {
    duckDb.close();
    // daily_costs as it was before billing_period_start was added.
    try (Connection connection =
            DriverManager.getConnection("jdbc:duckdb:" + directory.resolve("warehouse.duckdb"));
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA acme_corp");
      statement.execute(
          DuckDbTypes.createTable("acme_corp", WarehouseTables.DAILY_COSTS)
              .replace(", \"billing_period_start\" TIMESTAMP WITH TIME ZONE", ""));
      statement.execute(
          "INSERT INTO acme_corp.daily_costs (charge_day, provider, row_count)"
              + " VALUES (DATE '2026-09-30', 'aws', 7)");
    }
    duckDb = new DuckDbWarehouse(directory.resolve("warehouse.duckdb"), directory.resolve("store"));
    warehouse = duckDb;
    StagedRows bill =
        StagedRows.bill("acme_corp", "nov-1", Provider.AWS, NOV, List.of("111"), 2, "10");

    assertThatThrownBy(() -> publish(bill, "acme_corp", Provider.AWS))
        .isInstanceOf(WarehouseException.class)
        .hasMessage(
            "acme_corp.daily_costs lacks column(s) [billing_period_start] of the schema"
                + " catalogue; run the additive migration (Warehouse.migrate) first")
        .extracting(e -> ((WarehouseException) e).reason())
        .isEqualTo(WarehouseException.Reason.SCHEMA_OUT_OF_DATE);

    assertThat(warehouse.migrate("acme_corp"))
        .containsExactly("acme_corp.daily_costs.billing_period_start");
    assertThat(warehouse.migrate("acme_corp")).isEmpty();
    publish(bill, "acme_corp", Provider.AWS);
    assertThat(tableRows("acme_corp", WarehouseTables.DAILY_COSTS))
        .hasSize(3)
        .contains("null|null|2026-09-30|null|aws|" + "null|".repeat(11) + "7");
  }

  @Test
  void aColumnOfAnotherTypeIsAConflictNoMigrationFixes() throws Exception {
    duckDb.close();
    try (Connection connection =
            DriverManager.getConnection("jdbc:duckdb:" + directory.resolve("warehouse.duckdb"));
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA acme_corp");
      statement.execute(
          DuckDbTypes.createTable("acme_corp", WarehouseTables.COST_ANOMALIES)
              .replace("\"score\" DECIMAL(38,18)", "\"score\" DOUBLE"));
    }
    duckDb = new DuckDbWarehouse(directory.resolve("warehouse.duckdb"), directory.resolve("store"));
    warehouse = duckDb;

    assertThatThrownBy(() -> warehouse.migrate("acme_corp"))
        .isInstanceOf(WarehouseException.class)
        .hasMessage(
            "acme_corp.cost_anomalies differs from the schema catalogue beyond what an additive"
                + " migration can fix: score is DOUBLE, the catalogue says DECIMAL(38,18)")
        .extracting(e -> ((WarehouseException) e).reason())
        .isEqualTo(WarehouseException.Reason.SCHEMA_CONFLICT);
  }

  @Test
  void theOperationsSchemaIsNoTenant() {
    assertThatThrownBy(() -> warehouse.sliceTotals("convergence_ops"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tenant_id: 'convergence_ops' names the operations dataset, not a tenant");
  }
}
