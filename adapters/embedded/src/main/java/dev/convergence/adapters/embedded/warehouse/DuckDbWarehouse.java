package dev.convergence.adapters.embedded.warehouse;

import static dev.convergence.adapters.embedded.warehouse.DuckDbTypes.columnList;
import static dev.convergence.adapters.embedded.warehouse.DuckDbTypes.quote;
import static dev.convergence.adapters.embedded.warehouse.DuckDbTypes.table;

import dev.convergence.core.ledger.RunState;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.store.ObjectKeys;
import dev.convergence.core.warehouse.Column;
import dev.convergence.core.warehouse.ColumnType;
import dev.convergence.core.warehouse.Decimals;
import dev.convergence.core.warehouse.DqOutcome;
import dev.convergence.core.warehouse.DqResult;
import dev.convergence.core.warehouse.PipelineRun;
import dev.convergence.core.warehouse.Publication;
import dev.convergence.core.warehouse.PublishResult;
import dev.convergence.core.warehouse.SchemaDiff;
import dev.convergence.core.warehouse.Slice;
import dev.convergence.core.warehouse.SliceColumns;
import dev.convergence.core.warehouse.SliceTotal;
import dev.convergence.core.warehouse.StagedGroup;
import dev.convergence.core.warehouse.StagedSlices;
import dev.convergence.core.warehouse.StepLog;
import dev.convergence.core.warehouse.TableSchema;
import dev.convergence.core.warehouse.Warehouse;
import dev.convergence.core.warehouse.WarehouseException;
import dev.convergence.core.warehouse.WarehouseException.Reason;
import dev.convergence.core.warehouse.WarehouseTables;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;

/**
 * The warehouse in one DuckDB database file: the embedded default, so the whole pipeline runs on
 * one machine. Each tenant is a schema, the operations tables sit in the {@value
 * WarehouseTables#OPS_DATASET} schema, and the staged Parquet is read in place from the local
 * object store's directory ({@code read_parquet}; the parquet extension is built into the driver,
 * and {@code autoinstall_known_extensions=false} keeps DuckDB from ever downloading one).
 *
 * <p>A publish is one DuckDB transaction: read the staged rows' owners, delete the slices from the
 * three tenant tables, insert the staged rows, commit. DuckDB's snapshot isolation means a reader
 * (on its own connection) sees the old slices until the commit and the new ones after; a failure
 * anywhere rolls the whole transaction back. DuckDB allows one writer at a time and aborts
 * conflicting concurrent transactions, so this class serialises its writes with one lock; reads run
 * beside them.
 *
 * <p>The database file is held open (and locked against other processes) until {@link #close()}.
 */
public final class DuckDbWarehouse implements Warehouse, AutoCloseable {

  private final Connection primary;
  private final Path objectStoreRoot;
  private final ReentrantLock writes = new ReentrantLock();
  private final Set<String> ready = ConcurrentHashMap.newKeySet();

  /** Test switch: called after each statement of a publish, by name; may throw to abort it. */
  private volatile Consumer<String> afterStatement = statement -> {};

  /**
   * @param databaseFile the DuckDB file, created if absent
   * @param objectStoreRoot the root directory of the local object store that holds staged output
   */
  public DuckDbWarehouse(Path databaseFile, Path objectStoreRoot) {
    this.objectStoreRoot = objectStoreRoot.toAbsolutePath().normalize();
    Properties properties = new Properties();
    properties.setProperty("autoinstall_known_extensions", "false");
    properties.setProperty("autoload_known_extensions", "false");
    try {
      Path parent = databaseFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      this.primary =
          DriverManager.getConnection("jdbc:duckdb:" + databaseFile.toAbsolutePath(), properties);
    } catch (SQLException | java.io.IOException e) {
      throw new WarehouseException(
          Reason.STORAGE_FAILURE, "cannot open DuckDB database " + databaseFile + ": " + e, e);
    }
  }

  /** Installs the test switch that runs after each named statement of a publish. */
  void afterEachStatement(Consumer<String> hook) {
    this.afterStatement = hook;
  }

  @Override
  public PublishResult publish(Publication publication) {
    String tenant = publication.tenantId();
    Map<TableSchema, List<String>> files = new HashMap<>();
    files.put(WarehouseTables.FOCUS_COSTS, paths(publication.staged().focus()));
    files.put(WarehouseTables.DAILY_COSTS, paths(publication.staged().daily()));
    files.put(WarehouseTables.COST_ANOMALIES, paths(publication.staged().anomalies()));
    return write(
        "publish run " + publication.runId() + " into " + tenant,
        List.of(tenant),
        connection -> {
          List<StagedGroup> groups = new ArrayList<>();
          for (TableSchema table : WarehouseTables.TENANT_TABLES) {
            groups.addAll(stagedGroups(connection, table, files.get(table)));
          }
          List<Slice> slices = StagedSlices.slices(publication, groups);
          List<String> accounts = slices.stream().map(Slice::billingAccountId).toList();
          long[] inserted = new long[WarehouseTables.TENANT_TABLES.size()];
          for (int t = 0; t < WarehouseTables.TENANT_TABLES.size(); t++) {
            TableSchema table = WarehouseTables.TENANT_TABLES.get(t);
            deleteSlices(connection, tenant, table, publication, accounts);
            afterStatement.accept("delete " + table.name());
            List<String> paths = files.get(table);
            if (!paths.isEmpty()) {
              try (Statement statement = connection.createStatement()) {
                inserted[t] =
                    statement.executeUpdate(
                        "INSERT INTO "
                            + table(tenant, table)
                            + " ("
                            + columnList(table)
                            + ") SELECT "
                            + columnList(table)
                            + " FROM "
                            + readParquet(paths));
              }
              afterStatement.accept("insert " + table.name());
            }
          }
          return new PublishResult(slices, inserted[0], inserted[1], inserted[2]);
        });
  }

  private List<StagedGroup> stagedGroups(
      Connection connection, TableSchema table, List<String> paths) throws SQLException {
    if (paths.isEmpty()) {
      return List.of();
    }
    SliceColumns slice = table.slice();
    String sql =
        "SELECT x_tenant_id, "
            + quote(slice.provider())
            + ", "
            + quote(slice.billingAccount())
            + ", epoch_us("
            + quote(slice.billingPeriodStart())
            + "), count(*) FROM "
            + readParquet(paths)
            + " GROUP BY ALL ORDER BY ALL";
    List<StagedGroup> groups = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        long micros = rows.getLong(4);
        Instant start = rows.wasNull() ? null : instantOfMicros(micros);
        groups.add(
            new StagedGroup(
                table.name(),
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                start,
                rows.getLong(5)));
      }
    }
    return groups;
  }

  private static void deleteSlices(
      Connection connection,
      String tenant,
      TableSchema table,
      Publication publication,
      List<String> accounts)
      throws SQLException {
    if (accounts.isEmpty()) {
      return;
    }
    SliceColumns slice = table.slice();
    String sql =
        "DELETE FROM "
            + table(tenant, table)
            + " WHERE "
            + quote(slice.provider())
            + " = ? AND "
            + quote(slice.billingPeriodStart())
            + " = make_timestamptz(?::BIGINT) AND "
            + quote(slice.billingAccount())
            + " IN ("
            + accounts.stream().map(a -> "?").collect(Collectors.joining(", "))
            + ")";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, publication.provider().wireName());
      statement.setLong(2, micros(publication.billingPeriodStart()));
      for (int i = 0; i < accounts.size(); i++) {
        statement.setString(3 + i, accounts.get(i));
      }
      statement.executeUpdate();
    }
  }

  @Override
  public void recordRun(PipelineRun run) {
    write(
        "record run " + run.runId(),
        List.of(),
        connection -> {
          upsert(
              connection,
              WarehouseTables.PIPELINE_RUNS,
              "run_id = ?",
              List.of(run.runId()),
              List.of(
                  List.of(
                      run.runId(),
                      run.tenantId(),
                      run.provider().wireName(),
                      run.pipeline(),
                      run.billingPeriod().month().atDay(1),
                      run.state().name(),
                      run.startedAt(),
                      nullable(run.finishedAt()),
                      nullable(run.focusRows()),
                      nullable(run.billedCost()),
                      nullable(run.rejectedRows()),
                      nullable(run.dqOutcome() == null ? null : run.dqOutcome().wireName()),
                      nullable(run.anomalies()),
                      nullable(run.errorStep()),
                      nullable(run.errorMessage()))));
          return null;
        });
  }

  @Override
  public void recordStep(StepLog step) {
    write(
        "record step " + step.step() + " of run " + step.runId(),
        List.of(),
        connection -> {
          upsert(
              connection,
              WarehouseTables.STEP_LOGS,
              "run_id = ? AND step = ? AND attempt = ?",
              List.of(step.runId(), step.step(), (long) step.attempt()),
              List.of(
                  List.of(
                      step.runId(),
                      step.step(),
                      (long) step.attempt(),
                      step.state().wireName(),
                      step.startedAt(),
                      nullable(step.finishedAt()),
                      nullable(step.message()))));
          return null;
        });
  }

  @Override
  public void recordDqResults(String runId, List<DqResult> results) {
    List<DqResult> checked = DqResult.ofRun(runId, results);
    write(
        "record data-quality results of run " + runId,
        List.of(),
        connection -> {
          List<List<Object>> rows = new ArrayList<>();
          for (DqResult r : checked) {
            rows.add(
                List.of(
                    r.runId(),
                    r.tenantId(),
                    r.rule(),
                    r.severity().wireName(),
                    r.passed(),
                    r.observed(),
                    r.expected(),
                    r.message(),
                    r.checkedAt()));
          }
          upsert(connection, WarehouseTables.DQ_RESULTS, "run_id = ?", List.of(runId), rows);
          return null;
        });
  }

  /** Deletes the rows {@code key} matches and inserts {@code rows}, in the caller's transaction. */
  private static void upsert(
      Connection connection,
      TableSchema table,
      String key,
      List<Object> keyValues,
      List<List<Object>> rows)
      throws SQLException {
    String name = table(WarehouseTables.OPS_DATASET, table);
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM " + name + " WHERE " + key)) {
      bind(delete, keyValues, null);
      delete.executeUpdate();
    }
    if (rows.isEmpty()) {
      return;
    }
    String values =
        table.columns().stream()
            .map(c -> c.type() == ColumnType.TIMESTAMP ? "make_timestamptz(?::BIGINT)" : "?")
            .collect(Collectors.joining(", ", "(", ")"));
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO " + name + " (" + columnList(table) + ") VALUES " + values)) {
      for (List<Object> row : rows) {
        bind(insert, row, table);
        insert.executeUpdate();
      }
    }
  }

  private static final Object NULL = new Object();

  private static Object nullable(Object value) {
    return value == null ? NULL : value;
  }

  private static void bind(PreparedStatement statement, List<Object> values, TableSchema table)
      throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      int index = i + 1;
      if (value == NULL) {
        statement.setNull(index, table == null ? Types.VARCHAR : sqlType(table.columns().get(i)));
      } else if (value instanceof Instant instant) {
        statement.setLong(index, micros(instant));
      } else if (value instanceof LocalDate date) {
        statement.setObject(index, date);
      } else if (value instanceof BigDecimal decimal) {
        statement.setBigDecimal(index, decimal);
      } else if (value instanceof Long number) {
        statement.setLong(index, number);
      } else if (value instanceof Boolean flag) {
        statement.setBoolean(index, flag);
      } else {
        statement.setString(index, (String) value);
      }
    }
  }

  private static int sqlType(Column column) {
    return switch (column.type()) {
      case STRING -> Types.VARCHAR;
      case INT64, TIMESTAMP -> Types.BIGINT;
      case DECIMAL -> Types.DECIMAL;
      case DATE -> Types.DATE;
      case BOOL -> Types.BOOLEAN;
    };
  }

  @Override
  public List<SliceTotal> sliceTotals(String tenantId) {
    WarehouseTables.checkTenantId(tenantId);
    String sql =
        "SELECT x_provider, BillingAccountId, epoch_us(BillingPeriodStart), count(*),"
            + " coalesce(sum(BilledCost), 0) FROM "
            + table(tenantId, WarehouseTables.FOCUS_COSTS)
            + " GROUP BY ALL ORDER BY 1, 3, 2";
    return read(
        "read slice totals of " + tenantId,
        tenantId,
        WarehouseTables.FOCUS_COSTS,
        connection -> {
          List<SliceTotal> totals = new ArrayList<>();
          try (Statement statement = connection.createStatement();
              ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
              totals.add(
                  new SliceTotal(
                      Provider.fromWireName(rows.getString(1)),
                      rows.getString(2),
                      BillingPeriod.containing(instantOfMicros(rows.getLong(3))),
                      rows.getLong(4),
                      Decimals.atWarehouseScale(rows.getBigDecimal(5), "BilledCost")));
            }
          }
          return totals;
        });
  }

  @Override
  public List<PipelineRun> pipelineRuns(String tenantId) {
    WarehouseTables.checkTenantId(tenantId);
    String sql =
        "SELECT run_id, tenant_id, provider, pipeline, billing_period, state, epoch_us(started_at),"
            + " epoch_us(finished_at), focus_rows, billed_cost, rejected_rows, dq_outcome,"
            + " anomaly_count, error_step, error_message FROM "
            + table(WarehouseTables.OPS_DATASET, WarehouseTables.PIPELINE_RUNS)
            + " WHERE tenant_id = ? ORDER BY started_at, run_id";
    return read(
        "read pipeline runs of " + tenantId,
        WarehouseTables.OPS_DATASET,
        WarehouseTables.PIPELINE_RUNS,
        connection -> {
          List<PipelineRun> runs = new ArrayList<>();
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenantId);
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                String dq = rows.getString(12);
                BigDecimal cost = rows.getBigDecimal(10);
                runs.add(
                    new PipelineRun(
                        rows.getString(1),
                        rows.getString(2),
                        Provider.fromWireName(rows.getString(3)),
                        rows.getString(4),
                        new BillingPeriod(YearMonth.from(rows.getObject(5, LocalDate.class))),
                        RunState.valueOf(rows.getString(6)),
                        instantOfMicros(rows.getLong(7)),
                        optionalInstant(rows, 8),
                        optionalLong(rows, 9),
                        cost,
                        optionalLong(rows, 11),
                        dq == null ? null : DqOutcome.fromWireName(dq),
                        optionalLong(rows, 13),
                        rows.getString(14),
                        rows.getString(15)));
              }
            }
          }
          return runs;
        });
  }

  @Override
  public List<String> migrate(String tenantId) {
    WarehouseTables.checkTenantId(tenantId);
    return write(
        "migrate " + tenantId,
        List.of(),
        connection -> {
          List<String> added = new ArrayList<>();
          added.addAll(migrate(connection, tenantId, WarehouseTables.TENANT_TABLES));
          added.addAll(
              migrate(connection, WarehouseTables.OPS_DATASET, WarehouseTables.OPS_TABLES));
          ready.remove(tenantId);
          ready.remove(WarehouseTables.OPS_DATASET);
          return added;
        });
  }

  private List<String> migrate(Connection connection, String schema, List<TableSchema> tables)
      throws SQLException {
    List<String> added = new ArrayList<>();
    execute(connection, "CREATE SCHEMA IF NOT EXISTS " + quote(schema));
    for (TableSchema table : tables) {
      Map<String, String> existing = columns(connection, schema, table);
      if (existing.isEmpty()) {
        execute(connection, DuckDbTypes.createTable(schema, table));
        continue;
      }
      SchemaDiff diff =
          SchemaDiff.between(schema + "." + table.name(), table, existing, DuckDbTypes::sqlType);
      diff.requireNoConflicts();
      for (Column column : diff.missing()) {
        execute(
            connection,
            "ALTER TABLE "
                + table(schema, table)
                + " ADD COLUMN "
                + quote(column.name())
                + " "
                + DuckDbTypes.sqlType(column));
        added.add(schema + "." + table.name() + "." + column.name());
      }
    }
    return added;
  }

  /** Creates the schema's tables if absent, and checks existing ones against the catalogue. */
  private void ensure(Connection connection, String schema) throws SQLException {
    if (ready.contains(schema)) {
      return;
    }
    List<TableSchema> tables =
        schema.equals(WarehouseTables.OPS_DATASET)
            ? WarehouseTables.OPS_TABLES
            : WarehouseTables.TENANT_TABLES;
    execute(connection, "CREATE SCHEMA IF NOT EXISTS " + quote(schema));
    for (TableSchema table : tables) {
      Map<String, String> existing = columns(connection, schema, table);
      if (existing.isEmpty()) {
        execute(connection, DuckDbTypes.createTable(schema, table));
      } else {
        SchemaDiff.between(schema + "." + table.name(), table, existing, DuckDbTypes::sqlType)
            .requireCurrent();
      }
    }
    ready.add(schema);
  }

  private static Map<String, String> columns(
      Connection connection, String schema, TableSchema table) throws SQLException {
    Map<String, String> columns = new HashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ?")) {
      statement.setString(1, schema);
      statement.setString(2, table.name());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          columns.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    return columns;
  }

  private static boolean exists(Connection connection, String schema, TableSchema table)
      throws SQLException {
    return !columns(connection, schema, table).isEmpty();
  }

  /** What a unit of work does with its connection. */
  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction under the write lock, after making sure the tables of
   * {@code schemas} and the operations schema exist and are current.
   */
  private <T> T write(String what, List<String> schemas, Work<T> work) {
    writes.lock();
    try (Connection connection = connection()) {
      ensure(connection, WarehouseTables.OPS_DATASET);
      for (String schema : schemas) {
        ensure(connection, schema);
      }
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new WarehouseException(
          Reason.STORAGE_FAILURE, "DuckDB could not " + what + ": " + e.getMessage(), e);
    } finally {
      writes.unlock();
    }
  }

  /** Runs {@code work} on its own connection, or returns nothing when the table does not exist. */
  private <T> List<T> read(String what, String schema, TableSchema table, Work<List<T>> work) {
    try (Connection connection = connection()) {
      if (!exists(connection, schema, table)) {
        return List.of();
      }
      return work.run(connection);
    } catch (SQLException e) {
      throw new WarehouseException(
          Reason.STORAGE_FAILURE, "DuckDB could not " + what + ": " + e.getMessage(), e);
    }
  }

  private Connection connection() throws SQLException {
    return ((DuckDBConnection) primary).duplicate();
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private List<String> paths(List<String> keys) {
    return keys.stream()
        .map(key -> objectStoreRoot.resolve(ObjectKeys.check(key)).toString())
        .toList();
  }

  private static String readParquet(List<String> paths) {
    return "read_parquet("
        + paths.stream().map(DuckDbTypes::literal).collect(Collectors.joining(", ", "[", "]"))
        + ")";
  }

  private static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
  }

  private static Instant instantOfMicros(long micros) {
    return Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS);
  }

  private static Instant optionalInstant(ResultSet rows, int index) throws SQLException {
    long micros = rows.getLong(index);
    return rows.wasNull() ? null : instantOfMicros(micros);
  }

  private static Long optionalLong(ResultSet rows, int index) throws SQLException {
    long value = rows.getLong(index);
    return rows.wasNull() ? null : value;
  }

  @Override
  public void close() {
    try {
      primary.close();
    } catch (SQLException e) {
      throw new WarehouseException(
          Reason.STORAGE_FAILURE, "cannot close DuckDB database: " + e.getMessage(), e);
    }
  }
}
