package dev.convergence.adapters.gcp.warehouse;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.ExceptionHandler;
import com.google.cloud.ExceptionHandler.Interceptor.RetryResult;
import com.google.cloud.RetryHelper;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Clustering;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.LoadJobConfiguration;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TableResult;
import com.google.cloud.bigquery.TimePartitioning;
import dev.convergence.core.ledger.RunState;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.warehouse.Column;
import dev.convergence.core.warehouse.Decimals;
import dev.convergence.core.warehouse.DqOutcome;
import dev.convergence.core.warehouse.DqResult;
import dev.convergence.core.warehouse.PipelineRun;
import dev.convergence.core.warehouse.Publication;
import dev.convergence.core.warehouse.PublishResult;
import dev.convergence.core.warehouse.SchemaDiff;
import dev.convergence.core.warehouse.Slice;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The warehouse in BigQuery: a dataset per tenant, {@value WarehouseTables#OPS_DATASET} for the
 * operations tables, all in one location.
 *
 * <p>A publish loads each staged output's Parquet part files ({@code gs://<bucket>/<key>}) into a
 * staging table of the tenant's dataset with a load job (WRITE_TRUNCATE, so a retried load replaces
 * what an earlier attempt left), reads who the staged rows belong to, then runs one multi-statement
 * transaction that deletes the slices from the three tenant tables and inserts the staged rows, and
 * finally drops the staging tables. The transaction is the only step readers can see, and it is all
 * or nothing.
 *
 * <p>Transient failures (HTTP 5xx, {@code rateLimitExceeded}, {@code backendError}) are retried by
 * the client with bounded exponential backoff, set by the {@link RetrySettings} of its options
 * ({@link #retrySettings}). What is left is surfaced as a {@link WarehouseException} naming the
 * table and BigQuery's reason: {@code quotaExceeded} as {@link Reason#QUOTA_EXCEEDED}, other 4xx as
 * {@link Reason#REFUSED}, 5xx that outlasted the retries as {@link Reason#UNAVAILABLE}.
 */
public final class BigQueryWarehouse implements Warehouse {

  private final BigQuery bigquery;
  private final String project;
  private final String location;
  private final String bucket;
  private final BigQuerySql sql;
  private final Supplier<String> jobIds;
  private final Set<String> ready = ConcurrentHashMap.newKeySet();

  /**
   * @param bigquery a client whose options carry the retry settings and credentials
   * @param project the project that holds the datasets and runs the jobs
   * @param location where datasets are created and jobs run, for example {@code EU}
   * @param bucket the Cloud Storage bucket that holds the staged output
   */
  public BigQueryWarehouse(BigQuery bigquery, String project, String location, String bucket) {
    this(bigquery, project, location, bucket, () -> "convergence_" + UUID.randomUUID());
  }

  BigQueryWarehouse(
      BigQuery bigquery, String project, String location, String bucket, Supplier<String> jobIds) {
    this.bigquery = bigquery;
    this.project = project;
    this.location = location;
    this.bucket = bucket;
    this.sql = new BigQuerySql(project);
    this.jobIds = jobIds;
  }

  /**
   * Bounded exponential backoff for the client's options ({@code
   * BigQueryOptions.Builder#setRetrySettings}): at most {@code attempts} tries per request,
   * starting {@code initialDelay} apart and doubling up to {@code maxDelay}.
   */
  public static RetrySettings retrySettings(
      int attempts, Duration initialDelay, Duration maxDelay) {
    return RetrySettings.newBuilder()
        .setMaxAttempts(attempts)
        .setInitialRetryDelayDuration(initialDelay)
        .setRetryDelayMultiplier(2.0)
        .setMaxRetryDelayDuration(maxDelay)
        .setTotalTimeoutDuration(maxDelay.multipliedBy(attempts * 2L))
        .build();
  }

  @Override
  public PublishResult publish(Publication publication) {
    String dataset = publication.tenantId();
    ensure(dataset, WarehouseTables.TENANT_TABLES);
    List<List<String>> files =
        List.of(
            publication.staged().focus(),
            publication.staged().daily(),
            publication.staged().anomalies());
    List<String> stagingTables = new ArrayList<>();
    List<TableSchema> loaded = new ArrayList<>();
    List<String> loadedNames = new ArrayList<>();
    long[] rows = new long[3];
    try {
      for (int i = 0; i < files.size(); i++) {
        TableSchema table = WarehouseTables.TENANT_TABLES.get(i);
        if (files.get(i).isEmpty()) {
          stagingTables.add(null);
          continue;
        }
        String staging = stagingTable(publication.runId(), table);
        rows[i] = load(dataset, staging, table, files.get(i));
        stagingTables.add(staging);
        loaded.add(table);
        loadedNames.add(staging);
      }
      List<StagedGroup> groups =
          query(
                  sql.stagedGroups(dataset, loaded, loadedNames),
                  Map.of(),
                  "read the staged rows of run " + publication.runId() + " in " + dataset)
              .stream()
              .map(
                  row ->
                      new StagedGroup(
                          row.get("table_name").getStringValue(),
                          string(row.get("tenant_id")),
                          string(row.get("provider")),
                          string(row.get("billing_account_id")),
                          timestamp(row.get("billing_period_start")),
                          row.get("row_count").getLongValue()))
              .sorted(Comparator.comparingInt(BigQueryWarehouse::tableOrder))
              .toList();
      List<Slice> slices = StagedSlices.slices(publication, groups);
      Map<String, QueryParameterValue> parameters = new LinkedHashMap<>();
      parameters.put(
          BigQuerySql.PROVIDER, QueryParameterValue.string(publication.provider().wireName()));
      parameters.put(
          BigQuerySql.PERIOD_START,
          QueryParameterValue.timestamp(micros(publication.billingPeriodStart())));
      parameters.put(
          BigQuerySql.ACCOUNTS,
          QueryParameterValue.array(
              slices.stream().map(Slice::billingAccountId).toArray(String[]::new),
              StandardSQLTypeName.STRING));
      query(
          BigQuerySql.script(sql.publish(dataset, stagingTables)),
          parameters,
          "replace the slices of run " + publication.runId() + " in " + dataset);
      return new PublishResult(slices, rows[0], rows[1], rows[2]);
    } finally {
      for (String staging : loadedNames) {
        dropQuietly(TableId.of(project, dataset, staging));
      }
    }
  }

  private static int tableOrder(StagedGroup group) {
    for (int i = 0; i < WarehouseTables.TENANT_TABLES.size(); i++) {
      if (WarehouseTables.TENANT_TABLES.get(i).name().equals(group.table())) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  /** {@code _staging_<run id>_<table>}: one per run and table, so a retry overwrites its own. */
  static String stagingTable(String runId, TableSchema table) {
    return "_staging_" + runId.replace('-', '_') + "_" + table.name();
  }

  private long load(String dataset, String staging, TableSchema table, List<String> keys) {
    TableId destination = TableId.of(project, dataset, staging);
    LoadJobConfiguration configuration =
        LoadJobConfiguration.newBuilder(
                destination,
                keys.stream().map(key -> "gs://" + bucket + "/" + key).toList(),
                FormatOptions.parquet())
            .setSchema(schema(table))
            .setCreateDisposition(JobInfo.CreateDisposition.CREATE_IF_NEEDED)
            .setWriteDisposition(JobInfo.WriteDisposition.WRITE_TRUNCATE)
            .setDecimalTargetTypes(List.of("BIGNUMERIC"))
            .build();
    String what = "load the staged " + table.name() + " into " + dataset + "." + staging;
    Job job = run(JobInfo.newBuilder(configuration).setJobId(jobId()).build(), what);
    Long outputRows =
        job.getStatistics() instanceof com.google.cloud.bigquery.JobStatistics.LoadStatistics s
            ? s.getOutputRows()
            : null;
    return outputRows == null ? 0 : outputRows;
  }

  @Override
  public void recordRun(PipelineRun run) {
    ensure(WarehouseTables.OPS_DATASET, WarehouseTables.OPS_TABLES);
    Map<String, QueryParameterValue> parameters = new LinkedHashMap<>();
    parameters.put("key_run_id", QueryParameterValue.string(run.runId()));
    List<Object> values =
        java.util.Arrays.asList(
            run.runId(),
            run.tenantId(),
            run.provider().wireName(),
            run.pipeline(),
            run.billingPeriod().month().atDay(1),
            run.state().name(),
            run.startedAt(),
            run.finishedAt(),
            run.focusRows(),
            run.billedCost(),
            run.rejectedRows(),
            run.dqOutcome() == null ? null : run.dqOutcome().wireName(),
            run.anomalies(),
            run.errorStep(),
            run.errorMessage());
    bindRow(parameters, WarehouseTables.PIPELINE_RUNS, 0, values);
    query(
        BigQuerySql.script(sql.upsert(WarehouseTables.PIPELINE_RUNS, List.of("run_id"), 1)),
        parameters,
        "record run " + run.runId() + " in " + WarehouseTables.OPS_DATASET + ".pipeline_runs");
  }

  @Override
  public void recordStep(StepLog step) {
    ensure(WarehouseTables.OPS_DATASET, WarehouseTables.OPS_TABLES);
    Map<String, QueryParameterValue> parameters = new LinkedHashMap<>();
    parameters.put("key_run_id", QueryParameterValue.string(step.runId()));
    parameters.put("key_step", QueryParameterValue.string(step.step()));
    parameters.put("key_attempt", QueryParameterValue.int64((long) step.attempt()));
    bindRow(
        parameters,
        WarehouseTables.STEP_LOGS,
        0,
        java.util.Arrays.asList(
            step.runId(),
            step.step(),
            (long) step.attempt(),
            step.state().wireName(),
            step.startedAt(),
            step.finishedAt(),
            step.message()));
    query(
        BigQuerySql.script(
            sql.upsert(WarehouseTables.STEP_LOGS, List.of("run_id", "step", "attempt"), 1)),
        parameters,
        "record step "
            + step.step()
            + " of run "
            + step.runId()
            + " in "
            + WarehouseTables.OPS_DATASET
            + ".step_logs");
  }

  @Override
  public void recordDqResults(String runId, List<DqResult> results) {
    List<DqResult> checked = DqResult.ofRun(runId, results);
    ensure(WarehouseTables.OPS_DATASET, WarehouseTables.OPS_TABLES);
    Map<String, QueryParameterValue> parameters = new LinkedHashMap<>();
    parameters.put("key_run_id", QueryParameterValue.string(runId));
    for (int i = 0; i < checked.size(); i++) {
      DqResult r = checked.get(i);
      bindRow(
          parameters,
          WarehouseTables.DQ_RESULTS,
          i,
          java.util.Arrays.asList(
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
    query(
        BigQuerySql.script(
            sql.upsert(WarehouseTables.DQ_RESULTS, List.of("run_id"), checked.size())),
        parameters,
        "record the data-quality results of run "
            + runId
            + " in "
            + WarehouseTables.OPS_DATASET
            + ".dq_results");
  }

  private static void bindRow(
      Map<String, QueryParameterValue> parameters,
      TableSchema table,
      int row,
      List<Object> values) {
    for (int i = 0; i < values.size(); i++) {
      Column column = table.columns().get(i);
      parameters.put(column.name() + "_" + row, parameter(column, values.get(i)));
    }
  }

  private static QueryParameterValue parameter(Column column, Object value) {
    return switch (column.type()) {
      case STRING -> QueryParameterValue.string((String) value);
      case INT64 -> QueryParameterValue.int64((Long) value);
      case DECIMAL -> QueryParameterValue.bigNumeric((BigDecimal) value);
      case TIMESTAMP ->
          value == null
              ? QueryParameterValue.of(null, StandardSQLTypeName.TIMESTAMP)
              : QueryParameterValue.timestamp(micros((Instant) value));
      case DATE -> QueryParameterValue.date(value == null ? null : ((LocalDate) value).toString());
      case BOOL -> QueryParameterValue.bool((Boolean) value);
    };
  }

  @Override
  public List<SliceTotal> sliceTotals(String tenantId) {
    WarehouseTables.checkTenantId(tenantId);
    if (!exists(tenantId, WarehouseTables.FOCUS_COSTS)) {
      return List.of();
    }
    return query(sql.sliceTotals(tenantId), Map.of(), "read the slice totals of " + tenantId)
        .stream()
        .map(
            row ->
                new SliceTotal(
                    Provider.fromWireName(row.get("x_provider").getStringValue()),
                    row.get("BillingAccountId").getStringValue(),
                    BillingPeriod.containing(timestamp(row.get("BillingPeriodStart"))),
                    row.get("row_count").getLongValue(),
                    Decimals.atWarehouseScale(
                        row.get("billed_cost").getNumericValue(), "BilledCost")))
        .toList();
  }

  @Override
  public List<PipelineRun> pipelineRuns(String tenantId) {
    WarehouseTables.checkTenantId(tenantId);
    if (!exists(WarehouseTables.OPS_DATASET, WarehouseTables.PIPELINE_RUNS)) {
      return List.of();
    }
    return query(
            sql.pipelineRuns(),
            Map.of("tenant_id", QueryParameterValue.string(tenantId)),
            "read the pipeline runs of " + tenantId)
        .stream()
        .map(
            row ->
                new PipelineRun(
                    row.get("run_id").getStringValue(),
                    row.get("tenant_id").getStringValue(),
                    Provider.fromWireName(row.get("provider").getStringValue()),
                    row.get("pipeline").getStringValue(),
                    new BillingPeriod(
                        YearMonth.from(
                            LocalDate.parse(row.get("billing_period").getStringValue()))),
                    RunState.valueOf(row.get("state").getStringValue()),
                    timestamp(row.get("started_at")),
                    timestamp(row.get("finished_at")),
                    optionalLong(row.get("focus_rows")),
                    row.get("billed_cost").isNull()
                        ? null
                        : row.get("billed_cost").getNumericValue(),
                    optionalLong(row.get("rejected_rows")),
                    row.get("dq_outcome").isNull()
                        ? null
                        : DqOutcome.fromWireName(row.get("dq_outcome").getStringValue()),
                    optionalLong(row.get("anomaly_count")),
                    string(row.get("error_step")),
                    string(row.get("error_message"))))
        .toList();
  }

  @Override
  public List<String> migrate(String tenantId) {
    WarehouseTables.checkTenantId(tenantId);
    List<String> added = new ArrayList<>();
    added.addAll(migrate(tenantId, WarehouseTables.TENANT_TABLES));
    added.addAll(migrate(WarehouseTables.OPS_DATASET, WarehouseTables.OPS_TABLES));
    ready.remove(tenantId);
    ready.remove(WarehouseTables.OPS_DATASET);
    return added;
  }

  private List<String> migrate(String dataset, List<TableSchema> tables) {
    ensureDataset(dataset);
    List<String> added = new ArrayList<>();
    for (TableSchema table : tables) {
      Table existing = getTable(dataset, table);
      if (existing == null) {
        createTable(dataset, table);
        continue;
      }
      SchemaDiff diff = diff(dataset, table, existing);
      diff.requireNoConflicts();
      if (diff.missing().isEmpty()) {
        continue;
      }
      List<Field> fields = new ArrayList<>(existing.getDefinition().getSchema().getFields());
      for (Column column : diff.missing()) {
        fields.add(field(new Column(column.name(), column.type(), false)));
        added.add(dataset + "." + table.name() + "." + column.name());
      }
      StandardTableDefinition definition = existing.getDefinition();
      call(
          () ->
              bigquery.update(
                  existing.toBuilder()
                      .setDefinition(definition.toBuilder().setSchema(Schema.of(fields)).build())
                      .build()),
          "add columns to " + dataset + "." + table.name());
    }
    return added;
  }

  /** Creates the dataset and tables if absent; checks existing tables against the catalogue. */
  private void ensure(String dataset, List<TableSchema> tables) {
    if (ready.contains(dataset)) {
      return;
    }
    ensureDataset(dataset);
    for (TableSchema table : tables) {
      Table existing = getTable(dataset, table);
      if (existing == null) {
        createTable(dataset, table);
      } else {
        diff(dataset, table, existing).requireCurrent();
      }
    }
    ready.add(dataset);
  }

  private void ensureDataset(String dataset) {
    DatasetId id = DatasetId.of(project, dataset);
    if (call(() -> bigquery.getDataset(id), "look up dataset " + dataset) != null) {
      return;
    }
    try {
      bigquery.create(DatasetInfo.newBuilder(id).setLocation(location).build());
    } catch (BigQueryException e) {
      if (e.getCode() != 409) {
        throw failure("create dataset " + dataset, e);
      }
    }
  }

  private Table getTable(String dataset, TableSchema table) {
    return call(
        () -> bigquery.getTable(TableId.of(project, dataset, table.name())),
        "look up table " + dataset + "." + table.name());
  }

  private boolean exists(String dataset, TableSchema table) {
    return getTable(dataset, table) != null;
  }

  private void createTable(String dataset, TableSchema table) {
    StandardTableDefinition.Builder definition =
        StandardTableDefinition.newBuilder().setSchema(schema(table));
    if (table.partitionDay() != null) {
      definition.setTimePartitioning(
          TimePartitioning.newBuilder(TimePartitioning.Type.DAY)
              .setField(table.partitionDay())
              .build());
    }
    if (!table.clustering().isEmpty()) {
      definition.setClustering(Clustering.newBuilder().setFields(table.clustering()).build());
    }
    try {
      bigquery.create(
          TableInfo.newBuilder(TableId.of(project, dataset, table.name()), definition.build())
              .build());
    } catch (BigQueryException e) {
      if (e.getCode() != 409) {
        throw failure("create table " + dataset + "." + table.name(), e);
      }
    }
  }

  private SchemaDiff diff(String dataset, TableSchema table, Table existing) {
    Map<String, String> columns = new HashMap<>();
    Schema schema = existing.getDefinition().getSchema();
    if (schema != null) {
      for (Field field : schema.getFields()) {
        columns.put(field.getName(), field.getType().name());
      }
    }
    return SchemaDiff.between(
        dataset + "." + table.name(), table, columns, c -> legacyType(c).name());
  }

  static Schema schema(TableSchema table) {
    return Schema.of(table.columns().stream().map(BigQueryWarehouse::field).toList());
  }

  private static Field field(Column column) {
    return Field.newBuilder(column.name(), legacyType(column))
        .setMode(column.required() ? Field.Mode.REQUIRED : Field.Mode.NULLABLE)
        .build();
  }

  private static LegacySQLTypeName legacyType(Column column) {
    return switch (column.type()) {
      case STRING -> LegacySQLTypeName.STRING;
      case INT64 -> LegacySQLTypeName.INTEGER;
      case DECIMAL -> LegacySQLTypeName.BIGNUMERIC;
      case TIMESTAMP -> LegacySQLTypeName.TIMESTAMP;
      case DATE -> LegacySQLTypeName.DATE;
      case BOOL -> LegacySQLTypeName.BOOLEAN;
    };
  }

  /** Runs a query job to completion and returns its rows (none for a script of DML). */
  private List<FieldValueList> query(
      String text, Map<String, QueryParameterValue> parameters, String what) {
    QueryJobConfiguration configuration =
        QueryJobConfiguration.newBuilder(text)
            .setUseLegacySql(false)
            .setNamedParameters(parameters)
            .build();
    Job job = run(JobInfo.newBuilder(configuration).setJobId(jobId()).build(), what);
    TableResult result = call(job::getQueryResults, what);
    List<FieldValueList> rows = new ArrayList<>();
    result.iterateAll().forEach(rows::add);
    return rows;
  }

  /**
   * Creates the job, waits for it, and surfaces the job's own error.
   *
   * <p>The client does not retry a job insert that failed with a 5xx (it cannot know whether the
   * job was created), so this does, with the client's own retry machinery and settings: the job id
   * is fixed per job, so an insert that did land answers 409 on the retry, and that job is used.
   */
  private Job run(JobInfo info, String what) {
    Job job =
        call(
            () -> {
              try {
                return RetryHelper.runWithRetries(
                    () -> createOrFind(info),
                    bigquery.getOptions().getRetrySettings(),
                    TRANSIENT,
                    bigquery.getOptions().getClock());
              } catch (RetryHelper.RetryHelperException e) {
                throw e.getCause() instanceof BigQueryException b
                    ? b
                    : new BigQueryException(0, e.getMessage(), e);
              }
            },
            what);
    Job done = call(() -> job.waitFor(), what);
    if (done == null) {
      throw new WarehouseException(
          Reason.REFUSED, "BigQuery could not " + what + ": the job vanished");
    }
    BigQueryError error = done.getStatus() == null ? null : done.getStatus().getError();
    if (error != null) {
      throw failure(what, error.getReason(), error.getMessage(), null);
    }
    return done;
  }

  private Job createOrFind(JobInfo info) {
    try {
      return bigquery.create(info);
    } catch (BigQueryException e) {
      if (e.getCode() == 409) {
        Job existing = bigquery.getJob(info.getJobId());
        if (existing != null) {
          return existing;
        }
      }
      throw e;
    }
  }

  /** Retries HTTP 5xx and BigQuery's transient reasons; never quotaExceeded or another 4xx. */
  private static final ExceptionHandler TRANSIENT =
      ExceptionHandler.newBuilder()
          .addInterceptors(
              new ExceptionHandler.Interceptor() {
                private static final long serialVersionUID = 1L;

                @Override
                public RetryResult beforeEval(Exception exception) {
                  if (exception instanceof BigQueryException e) {
                    return isTransient(e) ? RetryResult.RETRY : RetryResult.NO_RETRY;
                  }
                  return RetryResult.NO_RETRY;
                }

                @Override
                public RetryResult afterEval(Exception exception, RetryResult retryResult) {
                  return retryResult;
                }
              })
          .build();

  private static boolean isTransient(BigQueryException e) {
    String reason = e.getReason() == null ? "" : e.getReason();
    if (reason.equals("quotaExceeded")) {
      return false;
    }
    return e.getCode() >= 500
        || reason.equals("rateLimitExceeded")
        || reason.equals("backendError")
        || reason.equals("internalError");
  }

  private JobId jobId() {
    return JobId.newBuilder()
        .setProject(project)
        .setLocation(location)
        .setJob(jobIds.get())
        .build();
  }

  @FunctionalInterface
  private interface Call<T> {
    T call() throws InterruptedException;
  }

  private static <T> T call(Call<T> call, String what) {
    try {
      return call.call();
    } catch (BigQueryException e) {
      throw failure(what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WarehouseException(Reason.UNAVAILABLE, "interrupted while trying to " + what, e);
    }
  }

  private static WarehouseException failure(String what, BigQueryException e) {
    String reason = e.getReason() != null ? e.getReason() : "HTTP " + e.getCode();
    return failure(what, reason, e.getMessage(), e);
  }

  private static WarehouseException failure(
      String what, String reason, String message, BigQueryException cause) {
    Reason kind =
        switch (reason == null ? "" : reason) {
          case "quotaExceeded" -> Reason.QUOTA_EXCEEDED;
          case "rateLimitExceeded", "backendError", "internalError", "jobBackendError" ->
              Reason.UNAVAILABLE;
          default ->
              cause != null && (cause.getCode() >= 500 || cause.isRetryable())
                  ? Reason.UNAVAILABLE
                  : Reason.REFUSED;
        };
    return new WarehouseException(
        kind, "BigQuery could not " + what + " (" + reason + "): " + message, cause);
  }

  private void dropQuietly(TableId table) {
    try {
      bigquery.delete(table);
    } catch (BigQueryException e) {
      // The staging table is overwritten by a retry of the same run and holds no reader's data.
    }
  }

  private static String string(FieldValue value) {
    return value == null || value.isNull() ? null : value.getStringValue();
  }

  private static Long optionalLong(FieldValue value) {
    return value == null || value.isNull() ? null : value.getLongValue();
  }

  private static Instant timestamp(FieldValue value) {
    return value == null || value.isNull()
        ? null
        : Instant.EPOCH.plus(value.getTimestampValue(), ChronoUnit.MICROS);
  }

  private static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
  }
}
