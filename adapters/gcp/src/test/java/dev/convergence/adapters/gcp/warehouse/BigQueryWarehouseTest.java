package dev.convergence.adapters.gcp.warehouse;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.warehouse.Column;
import dev.convergence.core.warehouse.PipelineRun;
import dev.convergence.core.warehouse.Publication;
import dev.convergence.core.warehouse.PublishResult;
import dev.convergence.core.warehouse.Slice;
import dev.convergence.core.warehouse.SliceTotal;
import dev.convergence.core.warehouse.StagedOutput;
import dev.convergence.core.warehouse.TableSchema;
import dev.convergence.core.warehouse.WarehouseException;
import dev.convergence.core.warehouse.WarehouseException.Reason;
import dev.convergence.core.warehouse.WarehouseTables;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The BigQuery warehouse against a stand-in of the BigQuery REST API: the exact requests it sends
 * (datasets, tables with partitioning and clustering, load jobs, the transaction), how it handles
 * BigQuery's errors, and, after every test, every SQL statement it sent analysed by Google's SQL
 * analyser against the catalogue's tables.
 */
class BigQueryWarehouseTest {

  private static final String PROJECT = BigQueryStandIn.PROJECT;
  private static final String JOBS = "/bigquery/v2/projects/" + PROJECT + "/jobs";
  private static final BillingPeriod NOV = BillingPeriod.of(2026, 11);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> GROUP_COLUMNS =
      List.of(
          "table_name:STRING",
          "tenant_id:STRING",
          "provider:STRING",
          "billing_account_id:STRING",
          "billing_period_start:TIMESTAMP",
          "row_count:INTEGER");

  /** 2026-11-01T00:00:00Z as BigQuery's JSON rows give a TIMESTAMP: seconds since the epoch. */
  private static final String NOV_START = "1.7934912E9";

  private BigQueryStandIn standIn;
  private BigQueryWarehouse warehouse;
  private final AtomicInteger jobs = new AtomicInteger();

  @BeforeEach
  void start() {
    standIn = new BigQueryStandIn();
    warehouse =
        new BigQueryWarehouse(
            standIn.client(),
            PROJECT,
            "EU",
            "convergence-staging",
            () -> "job-" + jobs.incrementAndGet());
  }

  @AfterEach
  void everyStatementSentIsGoogleSql() {
    try {
      GoogleSqlAnalyzer analyzer =
          new GoogleSqlAnalyzer(PROJECT).tenant("acme_corp", "run-1").ops();
      for (JsonNode body : standIn.jobBodies()) {
        JsonNode query = body.path("configuration").path("query");
        if (!query.isMissingNode()) {
          assertThat(analyzer.analyse(query)).isNotEmpty();
        }
      }
    } finally {
      standIn.close();
    }
  }

  private static StagedOutput staged() {
    return new StagedOutput(
        List.of(
            "staging/acme_corp/run-1/output/focus/part-0.parquet",
            "staging/acme_corp/run-1/output/focus/part-1.parquet"),
        List.of("staging/acme_corp/run-1/output/daily/part-0.parquet"),
        List.of());
  }

  private static Publication publication() {
    return new Publication("acme_corp", "run-1", Provider.AWS, NOV, staged());
  }

  private void stagedRowsOfAccounts111And222() {
    standIn.answer(
        "AS table_name",
        GROUP_COLUMNS,
        List.of(
            List.of("daily_costs", "acme_corp", "aws", "111", NOV_START, "2"),
            List.of("daily_costs", "acme_corp", "aws", "222", NOV_START, "1"),
            List.of("focus_costs", "acme_corp", "aws", "111", NOV_START, "3"),
            List.of("focus_costs", "acme_corp", "aws", "222", NOV_START, "2")));
  }

  /** A table schema's JSON as the tables and jobs APIs carry it, typed independently here. */
  private static ArrayNode fields(TableSchema table) {
    ArrayNode fields = JSON.createArrayNode();
    for (Column column : table.columns()) {
      String type =
          switch (column.type()) {
            case STRING -> "STRING";
            case INT64 -> "INTEGER";
            case DECIMAL -> "BIGNUMERIC";
            case TIMESTAMP -> "TIMESTAMP";
            case DATE -> "DATE";
            case BOOL -> "BOOLEAN";
          };
      fields
          .addObject()
          .put("mode", column.required() ? "REQUIRED" : "NULLABLE")
          .put("name", column.name())
          .put("type", type);
    }
    return fields;
  }

  private static ObjectNode schemaOf(TableSchema table) {
    ObjectNode schema = JSON.createObjectNode();
    schema.set("fields", fields(table));
    return schema;
  }

  private long posted(String path) {
    return standIn.server().findAll(postRequestedFor(urlPathEqualTo(path))).size();
  }

  @Test
  void createsTheDatasetAndTablesPartitionedAndClusteredOnFirstUseOnly() {
    stagedRowsOfAccounts111And222();

    warehouse.publish(publication());
    warehouse.publish(publication());

    String datasets = "/bigquery/v2/projects/" + PROJECT + "/datasets";
    standIn
        .server()
        .verify(
            1,
            postRequestedFor(urlPathEqualTo(datasets))
                .withRequestBody(
                    equalToJson(
                        "{\"datasetReference\":{\"datasetId\":\"acme_corp\",\"projectId\":\""
                            + PROJECT
                            + "\"},\"location\":\"EU\"}")));
    ObjectNode focus = JSON.createObjectNode();
    focus
        .putObject("tableReference")
        .put("datasetId", "acme_corp")
        .put("projectId", PROJECT)
        .put("tableId", "focus_costs");
    focus.set("schema", schemaOf(WarehouseTables.FOCUS_COSTS));
    // The client writes the unset partition expiry as an explicit null.
    focus
        .putObject("timePartitioning")
        .put("type", "DAY")
        .put("field", "ChargePeriodStart")
        .putNull("expirationMs");
    focus.putObject("clustering").putArray("fields").add("x_provider").add("BillingAccountId");
    standIn
        .server()
        .verify(
            1,
            postRequestedFor(urlPathEqualTo(datasets + "/acme_corp/tables"))
                .withRequestBody(equalToJson(focus.toString())));
    ObjectNode daily = JSON.createObjectNode();
    daily
        .putObject("tableReference")
        .put("datasetId", "acme_corp")
        .put("projectId", PROJECT)
        .put("tableId", "daily_costs");
    daily.set("schema", schemaOf(WarehouseTables.DAILY_COSTS));
    standIn
        .server()
        .verify(
            1,
            postRequestedFor(urlPathEqualTo(datasets + "/acme_corp/tables"))
                .withRequestBody(equalToJson(daily.toString())));
    assertThat(posted(datasets + "/acme_corp/tables")).isEqualTo(3);
  }

  @Test
  void loadsTheStagedParquetThenReplacesTheSlicesInOneTransaction() {
    stagedRowsOfAccounts111And222();
    standIn.loads("_staging_run_1_focus_costs", 5);
    standIn.loads("_staging_run_1_daily_costs", 3);

    PublishResult result = warehouse.publish(publication());

    assertThat(result)
        .isEqualTo(
            new PublishResult(
                List.of(
                    new Slice("acme_corp", Provider.AWS, "111", NOV),
                    new Slice("acme_corp", Provider.AWS, "222", NOV)),
                5,
                3,
                0));
    ObjectNode load = JSON.createObjectNode();
    ObjectNode configuration = load.putObject("configuration").putObject("load");
    configuration.put("createDisposition", "CREATE_IF_NEEDED");
    configuration.putArray("decimalTargetTypes").add("BIGNUMERIC");
    configuration
        .putObject("destinationTable")
        .put("datasetId", "acme_corp")
        .put("projectId", PROJECT)
        .put("tableId", "_staging_run_1_focus_costs");
    configuration.putObject("parquetOptions");
    configuration.set("schema", schemaOf(WarehouseTables.FOCUS_COSTS));
    configuration.put("sourceFormat", "PARQUET");
    configuration
        .putArray("sourceUris")
        .add("gs://convergence-staging/staging/acme_corp/run-1/output/focus/part-0.parquet")
        .add("gs://convergence-staging/staging/acme_corp/run-1/output/focus/part-1.parquet");
    configuration.put("writeDisposition", "WRITE_TRUNCATE");
    load.putObject("jobReference")
        .put("jobId", "job-1")
        .put("location", "EU")
        .put("projectId", PROJECT);
    standIn
        .server()
        .verify(
            1,
            postRequestedFor(urlPathEqualTo(JOBS)).withRequestBody(equalToJson(load.toString())));

    String table = "`" + PROJECT + "`.`acme_corp`.";
    String focusColumns =
        String.join(
            ", ",
            WarehouseTables.FOCUS_COSTS.columnNames().stream().map(c -> "`" + c + "`").toList());
    String dailyColumns =
        String.join(
            ", ",
            WarehouseTables.DAILY_COSTS.columnNames().stream().map(c -> "`" + c + "`").toList());
    String script =
        "BEGIN TRANSACTION;\n"
            + "DELETE FROM "
            + table
            + "`focus_costs` WHERE `x_provider` = @provider AND"
            + " `BillingPeriodStart` = @billing_period_start AND `BillingAccountId` IN"
            + " UNNEST(@billing_accounts);\n"
            + "INSERT INTO "
            + table
            + "`focus_costs` ("
            + focusColumns
            + ") SELECT "
            + focusColumns
            + " FROM "
            + table
            + "`_staging_run_1_focus_costs`;\n"
            + "DELETE FROM "
            + table
            + "`daily_costs` WHERE `provider` = @provider AND"
            + " `billing_period_start` = @billing_period_start AND `billing_account_id` IN"
            + " UNNEST(@billing_accounts);\n"
            + "INSERT INTO "
            + table
            + "`daily_costs` ("
            + dailyColumns
            + ") SELECT "
            + dailyColumns
            + " FROM "
            + table
            + "`_staging_run_1_daily_costs`;\n"
            + "DELETE FROM "
            + table
            + "`cost_anomalies` WHERE `provider` = @provider AND"
            + " `billing_period_start` = @billing_period_start AND `billing_account_id` IN"
            + " UNNEST(@billing_accounts);\n"
            + "COMMIT TRANSACTION;";
    ObjectNode transaction = JSON.createObjectNode();
    ObjectNode query = transaction.putObject("configuration").putObject("query");
    query.put("query", script);
    ArrayNode parameters = query.putArray("queryParameters");
    ObjectNode accounts = parameters.addObject().put("name", "billing_accounts");
    accounts
        .putObject("parameterType")
        .put("type", "ARRAY")
        .putObject("arrayType")
        .put("type", "STRING");
    ArrayNode values = accounts.putObject("parameterValue").putArray("arrayValues");
    values.addObject().put("value", "111");
    values.addObject().put("value", "222");
    ObjectNode provider = parameters.addObject().put("name", "provider");
    provider.putObject("parameterType").put("type", "STRING");
    provider.putObject("parameterValue").put("value", "aws");
    ObjectNode start = parameters.addObject().put("name", "billing_period_start");
    start.putObject("parameterType").put("type", "TIMESTAMP");
    start.putObject("parameterValue").put("value", "2026-11-01 00:00:00.000000+00:00");
    query.put("useLegacySql", false);
    transaction
        .putObject("jobReference")
        .put("jobId", "job-4")
        .put("location", "EU")
        .put("projectId", PROJECT);
    standIn
        .server()
        .verify(
            1,
            postRequestedFor(urlPathEqualTo(JOBS))
                .withRequestBody(equalToJson(transaction.toString(), true, false)));
    assertThat(standIn.requests())
        .endsWith(
            "DELETE /bigquery/v2/projects/"
                + PROJECT
                + "/datasets/acme_corp/tables/_staging_run_1_focus_costs",
            "DELETE /bigquery/v2/projects/"
                + PROJECT
                + "/datasets/acme_corp/tables/_staging_run_1_daily_costs");
  }

  @Test
  void aTransient503IsRetriedAndThePublishSucceeds() {
    stagedRowsOfAccounts111And222();
    standIn
        .server()
        .stubFor(
            post(urlPathEqualTo(JOBS))
                .atPriority(1)
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(
                    aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":{\"code\":503,\"message\":\"Service unavailable\","
                                + "\"errors\":[{\"reason\":\"backendError\","
                                + "\"message\":\"Service unavailable\"}]}}"))
                .willSetStateTo("recovered"));

    PublishResult result = warehouse.publish(publication());

    assertThat(result.slices()).hasSize(2);
    // Three jobs (two loads, the groups query) and the transaction: one more POST, the retry.
    assertThat(posted(JOBS)).isEqualTo(5);
  }

  @Test
  void quotaExceededIsSurfacedNamingTheTableAndNotRetried() {
    stagedRowsOfAccounts111And222();
    refuseJobs(
        403, "quotaExceeded", "Quota exceeded: Your project exceeded quota for imports per table.");

    assertThatThrownBy(() -> warehouse.publish(publication()))
        .isInstanceOf(WarehouseException.class)
        .hasMessage(
            "BigQuery could not load the staged focus_costs into"
                + " acme_corp._staging_run_1_focus_costs (quotaExceeded): Quota exceeded: Your"
                + " project exceeded quota for imports per table.")
        .extracting(e -> ((WarehouseException) e).reason())
        .isEqualTo(Reason.QUOTA_EXCEEDED);
    assertThat(posted(JOBS)).isEqualTo(1);
  }

  @Test
  void aPermanent400IsSurfacedAndNotRetried() {
    stagedRowsOfAccounts111And222();
    refuseJobs(400, "invalid", "Invalid value for sourceUris: gs:// bucket not found");

    assertThatThrownBy(() -> warehouse.publish(publication()))
        .isInstanceOf(WarehouseException.class)
        .hasMessage(
            "BigQuery could not load the staged focus_costs into"
                + " acme_corp._staging_run_1_focus_costs (invalid): Invalid value for sourceUris:"
                + " gs:// bucket not found")
        .extracting(e -> ((WarehouseException) e).reason())
        .isEqualTo(Reason.REFUSED);
    assertThat(posted(JOBS)).isEqualTo(1);
  }

  @Test
  void a5xxThatOutlastsTheBoundedRetriesIsUnavailable() {
    stagedRowsOfAccounts111And222();
    refuseJobs(503, "backendError", "Service unavailable");

    assertThatThrownBy(() -> warehouse.publish(publication()))
        .isInstanceOf(WarehouseException.class)
        .hasMessage(
            "BigQuery could not load the staged focus_costs into"
                + " acme_corp._staging_run_1_focus_costs (backendError): Service unavailable")
        .extracting(e -> ((WarehouseException) e).reason())
        .isEqualTo(Reason.UNAVAILABLE);
    assertThat(posted(JOBS)).isEqualTo(3);
  }

  @Test
  void aFailedTransactionIsSurfacedAndTheStagingTablesAreStillDropped() {
    stagedRowsOfAccounts111And222();
    standIn.failQuery(
        "BEGIN TRANSACTION",
        "invalidQuery",
        "Transaction is aborted due to concurrent update against table acme_corp.focus_costs");

    assertThatThrownBy(() -> warehouse.publish(publication()))
        .isInstanceOf(WarehouseException.class)
        .hasMessage(
            "BigQuery could not replace the slices of run run-1 in acme_corp (invalidQuery):"
                + " Transaction is aborted due to concurrent update against table"
                + " acme_corp.focus_costs");
    assertThat(standIn.requests())
        .contains(
            "DELETE /bigquery/v2/projects/"
                + PROJECT
                + "/datasets/acme_corp/tables/_staging_run_1_focus_costs",
            "DELETE /bigquery/v2/projects/"
                + PROJECT
                + "/datasets/acme_corp/tables/_staging_run_1_daily_costs");
  }

  @Test
  void stagedRowsOfAnotherTenantStopThePublishBeforeTheTransaction() {
    standIn.answer(
        "AS table_name",
        GROUP_COLUMNS,
        List.of(List.of("focus_costs", "quiet_co", "aws", "111", NOV_START, "4")));

    assertThatThrownBy(() -> warehouse.publish(publication()))
        .isInstanceOf(WarehouseException.class)
        .hasMessage(
            "run run-1 cannot publish acme_corp/aws/2026-11: 4 staged focus_costs row(s) have"
                + " tenant 'quiet_co', not 'acme_corp'");
    assertThat(standIn.jobBodies())
        .noneMatch(
            b ->
                b.path("configuration")
                    .path("query")
                    .path("query")
                    .asText()
                    .startsWith("BEGIN TRANSACTION"));
  }

  @Test
  void aRunIsUpsertedInOneTransactionWithTypedParameters() {
    Instant start = Instant.parse("2026-12-01T02:00:00.5Z");

    warehouse.recordRun(
        new PipelineRun(
            "run-1",
            "acme_corp",
            Provider.AWS,
            "aws-cur",
            NOV,
            dev.convergence.core.ledger.RunState.SUCCEEDED,
            start,
            start.plusSeconds(60),
            12L,
            new BigDecimal("1234.5"),
            0L,
            dev.convergence.core.warehouse.DqOutcome.PASSED,
            1L,
            null,
            null));

    JsonNode query = standIn.jobBodies().get(0).path("configuration").path("query");
    assertThat(query.path("query").asText())
        .isEqualTo(
            "BEGIN TRANSACTION;\nDELETE FROM `"
                + PROJECT
                + "`.`convergence_ops`.`pipeline_runs`"
                + " WHERE `run_id` = @key_run_id;\nINSERT INTO `"
                + PROJECT
                + "`.`convergence_ops`.`pipeline_runs` (`run_id`, `tenant_id`, `provider`,"
                + " `pipeline`, `billing_period`, `state`, `started_at`, `finished_at`,"
                + " `focus_rows`, `billed_cost`, `rejected_rows`, `dq_outcome`, `anomaly_count`,"
                + " `error_step`, `error_message`) VALUES (@run_id_0, @tenant_id_0, @provider_0,"
                + " @pipeline_0, @billing_period_0, @state_0, @started_at_0, @finished_at_0,"
                + " @focus_rows_0, @billed_cost_0, @rejected_rows_0, @dq_outcome_0,"
                + " @anomaly_count_0, @error_step_0, @error_message_0);\nCOMMIT TRANSACTION;");
    Map<String, String> parameters = new java.util.TreeMap<>();
    for (JsonNode parameter : query.path("queryParameters")) {
      parameters.put(
          parameter.path("name").asText(),
          parameter.path("parameterType").path("type").asText()
              + " "
              + parameter.path("parameterValue").path("value").asText("NULL"));
    }
    assertThat(parameters)
        .containsExactlyEntriesOf(
            new java.util.TreeMap<>(
                Map.ofEntries(
                    Map.entry("key_run_id", "STRING run-1"),
                    Map.entry("run_id_0", "STRING run-1"),
                    Map.entry("tenant_id_0", "STRING acme_corp"),
                    Map.entry("provider_0", "STRING aws"),
                    Map.entry("pipeline_0", "STRING aws-cur"),
                    Map.entry("billing_period_0", "DATE 2026-11-01"),
                    Map.entry("state_0", "STRING SUCCEEDED"),
                    Map.entry("started_at_0", "TIMESTAMP 2026-12-01 02:00:00.500000+00:00"),
                    Map.entry("finished_at_0", "TIMESTAMP 2026-12-01 02:01:00.500000+00:00"),
                    Map.entry("focus_rows_0", "INT64 12"),
                    Map.entry("billed_cost_0", "BIGNUMERIC 1234.500000000000000000"),
                    Map.entry("rejected_rows_0", "INT64 0"),
                    Map.entry("dq_outcome_0", "STRING passed"),
                    Map.entry("anomaly_count_0", "INT64 1"),
                    Map.entry("error_step_0", "STRING NULL"),
                    Map.entry("error_message_0", "STRING NULL"))));
  }

  @Test
  void sliceTotalsAreExactAndEmptyForATenantWithNoTable() {
    assertThat(warehouse.sliceTotals("acme_corp")).isEmpty();
    assertThat(standIn.jobBodies()).isEmpty();
    standIn.existing("acme_corp", Map.of("focus_costs", schemaOf(WarehouseTables.FOCUS_COSTS)));
    standIn.answer(
        "COALESCE(SUM(BilledCost), 0)",
        List.of(
            "x_provider:STRING",
            "BillingAccountId:STRING",
            "BillingPeriodStart:TIMESTAMP",
            "row_count:INTEGER",
            "billed_cost:BIGNUMERIC"),
        List.of(List.of("aws", "111", NOV_START, "3", "12345.678900000000000001")));

    assertThat(warehouse.sliceTotals("acme_corp"))
        .containsExactly(
            new SliceTotal(
                Provider.AWS, "111", NOV, 3, new BigDecimal("12345.678900000000000001")));
  }

  @Test
  void aTableBehindTheCatalogueIsRefusedUntilTheAdditiveMigrationAddsItsColumn() {
    ObjectNode oldDaily = schemaOf(WarehouseTables.DAILY_COSTS);
    ArrayNode fields = (ArrayNode) oldDaily.get("fields");
    fields.remove(3); // billing_period_start, added after the table was created
    standIn.existing(
        "acme_corp",
        Map.of(
            "focus_costs", schemaOf(WarehouseTables.FOCUS_COSTS),
            "daily_costs", oldDaily,
            "cost_anomalies", schemaOf(WarehouseTables.COST_ANOMALIES)));

    assertThatThrownBy(() -> warehouse.publish(publication()))
        .isInstanceOf(WarehouseException.class)
        .hasMessage(
            "acme_corp.daily_costs lacks column(s) [billing_period_start] of the schema"
                + " catalogue; run the additive migration (Warehouse.migrate) first");

    assertThat(warehouse.migrate("acme_corp"))
        .containsExactly("acme_corp.daily_costs.billing_period_start");
    assertThat(warehouse.migrate("acme_corp")).isEmpty();
  }

  private void refuseJobs(int status, String reason, String message) {
    standIn
        .server()
        .stubFor(
            post(urlPathEqualTo(JOBS))
                .atPriority(1)
                .willReturn(
                    aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":{\"code\":"
                                + status
                                + ",\"message\":\""
                                + message
                                + "\",\"errors\":[{\"reason\":\""
                                + reason
                                + "\",\"message\":\""
                                + message
                                + "\"}]}}")));
  }
}
