package dev.convergence.stages.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.BigQueryOptions;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.store.ObjectStoreException;
import dev.convergence.stages.StageError;
import dev.convergence.stages.StageException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The billing-export extract against a WireMock stand-in of the BigQuery REST API (BigQuery has no
 * emulator): the exact request the client sends, and what a failed extract becomes.
 */
class BigQueryBillingExportExtractorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROJECT = "convergence-test";
  private static final String QUERIES = "/bigquery/v2/projects/" + PROJECT + "/queries";
  private static final String JOB_ID = "job_Export2026";
  private static final String TABLE =
      "acme-billing.billing_export.gcp_billing_export_resource_v1_01A2B3";
  private static final String STATEMENT =
      "EXPORT DATA OPTIONS(uri='gs://convergence-test-data/staging/acme_corp/2026-10-run1/"
          + "extract/*.parquet', format='PARQUET', overwrite=true) AS\n"
          + "SELECT * FROM `acme-billing.billing_export.gcp_billing_export_resource_v1_01A2B3`\n"
          + "WHERE invoice.month = '202610'";

  private WireMockServer server;
  private BigQueryBillingExportExtractor extractor;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    // As StagesModule builds it, but on the stand-in: the job's own project, no location.
    extractor =
        new BigQueryBillingExportExtractor(
            () ->
                BigQueryOptions.newBuilder()
                    .setProjectId(PROJECT)
                    .setHost(server.baseUrl())
                    .setCredentials(NoCredentials.getInstance())
                    .build()
                    .getService(),
            "convergence-test-data");
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private void extractOctober() {
    extractor.extract(
        BillingExportTable.parse(TABLE),
        BillingPeriod.of(2026, 10),
        "staging/acme_corp/2026-10-run1/extract/");
  }

  @Test
  void runsTheExportStatementAsOneQueryInTheDataBucketsRunPrefix() throws Exception {
    server.stubFor(
        post(urlPathEqualTo(QUERIES))
            .willReturn(
                okJson(
                    "{\"kind\":\"bigquery#queryResponse\",\"jobReference\":{\"projectId\":\""
                        + PROJECT
                        + "\",\"jobId\":\""
                        + JOB_ID
                        + "\",\"location\":\"US\"},\"jobComplete\":true,\"totalRows\":\"0\","
                        + "\"schema\":{\"fields\":[]}}")));

    extractOctober();

    assertThat(requests()).containsExactly("POST " + QUERIES);
    ObjectNode sent =
        (ObjectNode)
            JSON.readTree(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
    assertThat(sent.remove("requestId").asText()).matches("[0-9a-f-]{36}");
    // No location and no default dataset: BigQuery runs the statement where the billing-export
    // table is (a location naming another region would fail the query), in the job's project.
    assertThat(sent)
        .isEqualTo(
            JSON.createObjectNode()
                .put("query", STATEMENT)
                .put("useLegacySql", false)
                .put("jobCreationMode", "JOB_CREATION_MODE_UNSPECIFIED")
                .set(
                    "formatOptions",
                    JSON.createObjectNode()
                        .put("timestampOutputFormat", "TIMESTAMP_OUTPUT_FORMAT_UNSPECIFIED")
                        .put("useInt64Timestamp", false)));
  }

  @Test
  void aMissingTableIsAPermanentRefusalWithBigQuerysMessage() {
    server.stubFor(
        post(urlPathEqualTo(QUERIES))
            .willReturn(
                error(
                    404,
                    "notFound",
                    "Not found: Table acme-billing:billing_export.gcp_billing_export_resource_v1_01A2B3"
                        + " was not found in location US")));

    Throwable thrown = catchThrowable(this::extractOctober);

    assertThat(thrown)
        .isExactlyInstanceOf(StageException.class)
        .hasMessage(
            "the extract of "
                + TABLE
                + " failed: Not found: Table"
                + " acme-billing:billing_export.gcp_billing_export_resource_v1_01A2B3 was not found"
                + " in location US")
        .hasCauseInstanceOf(BigQueryException.class);
    assertThat(((StageException) thrown).error()).isEqualTo(StageError.EXPORT_REFUSED);
    assertThat(StageError.EXPORT_REFUSED.exitCode().code()).isEqualTo(3);
    assertThat(requests()).containsExactly("POST " + QUERIES);
  }

  @Test
  void aRateLimitedExtractIsATransientStoreFailureCloudRunRetries() {
    server.stubFor(
        post(urlPathEqualTo(QUERIES))
            .willReturn(error(429, "rateLimitExceeded", "Exceeded rate limits: too many jobs")));

    assertThat(catchThrowable(this::extractOctober))
        .isExactlyInstanceOf(ObjectStoreException.class)
        .hasMessageEndingWith("Exceeded rate limits: too many jobs");
  }

  @Test
  void anExportJobDeniedAccessAfterItStartedIsAPermanentRefusalWithTheJobsError() {
    String denied =
        "Access Denied: File gs://convergence-test-data/staging/acme_corp/2026-10-run1/extract/"
            + "000000000000.parquet: Permission denied while writing data";
    String reference =
        "{\"projectId\":\"" + PROJECT + "\",\"jobId\":\"" + JOB_ID + "\",\"location\":\"US\"}";
    server.stubFor(
        post(urlPathEqualTo(QUERIES))
            .willReturn(
                okJson(
                    "{\"kind\":\"bigquery#queryResponse\",\"jobReference\":"
                        + reference
                        + ",\"jobComplete\":false}")));
    server.stubFor(
        get(urlPathEqualTo("/bigquery/v2/projects/" + PROJECT + "/jobs/" + JOB_ID))
            .willReturn(
                okJson(
                    "{\"kind\":\"bigquery#job\",\"id\":\""
                        + PROJECT
                        + ":US."
                        + JOB_ID
                        + "\",\"jobReference\":"
                        + reference
                        + ",\"configuration\":{\"query\":{\"query\":"
                        + JSON.valueToTree(STATEMENT)
                        + "}},\"status\":{\"state\":\"DONE\",\"errorResult\":{\"reason\":"
                        + "\"accessDenied\",\"message\":\""
                        + denied
                        + "\"},\"errors\":[{\"reason\":\"accessDenied\",\"message\":\""
                        + denied
                        + "\"}]}}")));
    server.stubFor(
        get(urlPathEqualTo(QUERIES + "/" + JOB_ID)).willReturn(error(403, "accessDenied", denied)));

    Throwable thrown = catchThrowable(this::extractOctober);

    assertThat(thrown)
        .isExactlyInstanceOf(StageException.class)
        .hasMessage("the extract of " + TABLE + " failed: " + denied)
        .hasCauseInstanceOf(BigQueryException.class);
    assertThat(((BigQueryException) thrown.getCause()).getReason()).isEqualTo("accessDenied");
    assertThat(requests())
        .containsExactly(
            "POST " + QUERIES,
            "GET /bigquery/v2/projects/" + PROJECT + "/jobs/" + JOB_ID,
            "GET " + QUERIES + "/" + JOB_ID);
  }

  /** Every request received, in order, as {@code METHOD path}. */
  private List<String> requests() {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    Collections.reverse(events);
    return events.stream()
        .map(
            e ->
                e.getRequest().getMethod()
                    + " "
                    + e.getRequest().getUrl().replaceFirst("\\?.*", ""))
        .toList();
  }

  /** A Google API error body, as BigQuery sends it. */
  private static ResponseDefinitionBuilder error(int status, String reason, String message) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("code", status);
    error.put("message", message);
    error.putArray("errors").addObject().put("reason", reason).put("message", message);
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body.toString());
  }
}
