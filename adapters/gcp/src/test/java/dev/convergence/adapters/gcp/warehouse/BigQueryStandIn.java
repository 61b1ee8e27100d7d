package dev.convergence.adapters.gcp.warehouse;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the BigQuery REST API on WireMock (BigQuery has no emulator): datasets and tables
 * that exist or not, jobs that finish at once, query results a test chooses, and every request
 * kept, so a test can assert the exact JSON the adapter sent. Tests add higher-priority WireMock
 * stubs on top to inject errors.
 */
final class BigQueryStandIn implements AutoCloseable {

  static final String PROJECT = "convergence-test";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern JOB = Pattern.compile(".*/projects/[^/]+/(jobs|queries)/([^/?]+).*");
  private static final Pattern TABLE =
      Pattern.compile(".*/projects/[^/]+/datasets/([^/?]+)/tables/([^/?]+).*");
  private static final Pattern DATASET = Pattern.compile(".*/projects/[^/]+/datasets/([^/?]+).*");

  private final WireMockServer server;
  private final Map<String, JsonNode> jobs = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> tables = new ConcurrentHashMap<>();
  private final List<String> datasets = new CopyOnWriteArrayList<>();
  private final Map<String, List<List<Object>>> results = new ConcurrentHashMap<>();
  private final Map<String, List<String>> resultColumns = new ConcurrentHashMap<>();
  private final Map<String, Long> loadedRows = new ConcurrentHashMap<>();
  private final Map<String, String[]> failingQueries = new ConcurrentHashMap<>();

  BigQueryStandIn() {
    server = new WireMockServer(options().dynamicPort().extensions(new Answer()));
    server.start();
    server.stubFor(
        any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers("bigquery")));
  }

  WireMockServer server() {
    return server;
  }

  /** A client on this stand-in: no credentials, at most 3 tries per request, 10 ms backoff. */
  BigQuery client() {
    RetrySettings retries =
        BigQueryWarehouse.retrySettings(3, Duration.ofMillis(10), Duration.ofMillis(40));
    return BigQueryOptions.newBuilder()
        .setProjectId(PROJECT)
        .setHost(server.baseUrl())
        .setCredentials(NoCredentials.getInstance())
        .setRetrySettings(retries)
        .build()
        .getService();
  }

  /** Makes {@code dataset} exist with the tables given, as their JSON schemas. */
  void existing(String dataset, Map<String, JsonNode> tableSchemas) {
    datasets.add(dataset);
    tableSchemas.forEach((table, schema) -> tables.put(dataset + "." + table, schema));
  }

  /** The rows a query whose text contains {@code fragment} returns. */
  void answer(String fragment, List<String> columns, List<List<Object>> rows) {
    results.put(fragment, rows);
    resultColumns.put(fragment, columns);
  }

  /** A query job whose text contains {@code fragment} finishes with this error result. */
  void failQuery(String fragment, String reason, String message) {
    failingQueries.put(fragment, new String[] {reason, message});
  }

  /** The output row count a load job into {@code table} reports. */
  void loads(String table, long rows) {
    loadedRows.put(table, rows);
  }

  /** Every request received, as {@code METHOD path}, in order. */
  List<String> requests() {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    java.util.Collections.reverse(events);
    return events.stream()
        .map(
            e ->
                e.getRequest().getMethod()
                    + " "
                    + e.getRequest().getUrl().replaceFirst("\\?.*", ""))
        .toList();
  }

  /** The bodies of the jobs created, in order. */
  List<JsonNode> jobBodies() {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    java.util.Collections.reverse(events);
    List<JsonNode> bodies = new ArrayList<>();
    for (ServeEvent event : events) {
      if (event.getRequest().getMethod().getName().equals("POST")
          && event.getRequest().getUrl().matches(".*/projects/[^/]+/jobs(\\?.*)?")
          && event.getResponse().getStatus() == 200) {
        bodies.add(read(event.getRequest().getBodyAsString()));
      }
    }
    return bodies;
  }

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }

  private final class Answer implements ResponseDefinitionTransformerV2 {

    @Override
    public String getName() {
      return "bigquery";
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      String override = event.getRequest().getHeader("X-HTTP-Method-Override");
      String method = override != null ? override : event.getRequest().getMethod().getName();
      String url = event.getRequest().getUrl();
      String path = url.replaceFirst("\\?.*", "");
      String body = event.getRequest().getBodyAsString();
      if (method.equals("POST") && path.endsWith("/jobs")) {
        ObjectNode job = (ObjectNode) read(body);
        String id = job.path("jobReference").path("jobId").asText();
        ObjectNode status = job.putObject("status");
        status.put("state", "DONE");
        String text = job.path("configuration").path("query").path("query").asText();
        failingQueries.forEach(
            (fragment, error) -> {
              if (text.contains(fragment)) {
                status.putObject("errorResult").put("reason", error[0]).put("message", error[1]);
              }
            });
        ObjectNode statistics = job.putObject("statistics");
        statistics.put("creationTime", "1");
        JsonNode load = job.path("configuration").path("load");
        if (!load.isMissingNode()) {
          String table = load.path("destinationTable").path("tableId").asText();
          statistics
              .putObject("load")
              .put("outputRows", String.valueOf(loadedRows.getOrDefault(table, 0L)));
        }
        JsonNode query = job.path("configuration").path("query");
        if (!query.isMissingNode()) {
          ((ObjectNode) query)
              .putObject("destinationTable")
              .put("projectId", PROJECT)
              .put("datasetId", "_anonymous")
              .put("tableId", "result_" + id.replace('-', '_'));
        }
        jobs.put(id, job);
        return json(200, job);
      }
      Matcher jobMatcher = JOB.matcher(path);
      if (method.equals("GET") && jobMatcher.matches()) {
        JsonNode job = jobs.get(jobMatcher.group(2));
        if (job == null) {
          return error(404, "notFound", "Not found: Job " + jobMatcher.group(2));
        }
        return jobMatcher.group(1).equals("jobs") ? json(200, job) : queryResults(job);
      }
      if (method.equals("GET") && path.matches(".*/datasets/_anonymous/tables/result_[^/]+/data")) {
        String id = path.replaceFirst(".*/tables/result_([^/]+)/data", "$1");
        for (JsonNode job : jobs.values()) {
          if (job.path("jobReference").path("jobId").asText().replace('-', '_').equals(id)) {
            ObjectNode data = (ObjectNode) read(queryResults(job).getBody());
            ObjectNode list = JSON.createObjectNode();
            list.put("kind", "bigquery#tableDataList");
            list.set("totalRows", data.get("totalRows"));
            list.set("rows", data.get("rows"));
            return json(200, list);
          }
        }
      }
      Matcher tableMatcher = TABLE.matcher(path);
      if (tableMatcher.matches()) {
        String key = tableMatcher.group(1) + "." + tableMatcher.group(2);
        if (method.equals("DELETE")) {
          return tables.remove(key) == null
              ? error(404, "notFound", "Not found: Table " + key)
              : new ResponseDefinition(204, "");
        }
        JsonNode schema = tables.get(key);
        if (schema == null) {
          return error(404, "notFound", "Not found: Table " + PROJECT + ":" + key);
        }
        ObjectNode table = JSON.createObjectNode();
        ObjectNode reference = table.putObject("tableReference");
        reference.put("projectId", PROJECT);
        reference.put("datasetId", tableMatcher.group(1));
        reference.put("tableId", tableMatcher.group(2));
        table.put("type", "TABLE");
        table.set("schema", schema);
        if (method.equals("PATCH") || method.equals("PUT")) {
          JsonNode update = read(body);
          tables.put(key, update.path("schema"));
          table.set("schema", update.path("schema"));
        }
        return json(200, table);
      }
      if (method.equals("POST") && path.endsWith("/tables")) {
        ObjectNode table = (ObjectNode) read(body);
        JsonNode reference = table.path("tableReference");
        tables.put(
            reference.path("datasetId").asText() + "." + reference.path("tableId").asText(),
            table.path("schema"));
        table.put("type", "TABLE");
        return json(200, table);
      }
      if (method.equals("POST") && path.endsWith("/datasets")) {
        JsonNode dataset = read(body);
        datasets.add(dataset.path("datasetReference").path("datasetId").asText());
        return json(200, dataset);
      }
      Matcher datasetMatcher = DATASET.matcher(path);
      if (method.equals("GET") && datasetMatcher.matches()) {
        String dataset = datasetMatcher.group(1);
        if (!datasets.contains(dataset)) {
          return error(404, "notFound", "Not found: Dataset " + PROJECT + ":" + dataset);
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("datasetReference").put("projectId", PROJECT).put("datasetId", dataset);
        return json(200, answer);
      }
      return error(400, "invalid", "the stand-in does not know " + method + " " + url);
    }

    private ResponseDefinition queryResults(JsonNode job) {
      String query = job.path("configuration").path("query").path("query").asText();
      ObjectNode answer = JSON.createObjectNode();
      answer.put("kind", "bigquery#getQueryResultsResponse");
      answer.set("jobReference", job.path("jobReference"));
      answer.put("jobComplete", true);
      List<List<Object>> rows = List.of();
      List<String> columns = List.of();
      for (Map.Entry<String, List<List<Object>>> entry : results.entrySet()) {
        if (query.contains(entry.getKey())) {
          rows = entry.getValue();
          columns = resultColumns.get(entry.getKey());
        }
      }
      ObjectNode schema = answer.putObject("schema");
      ArrayNode fields = schema.putArray("fields");
      for (String column : columns) {
        String[] parts = column.split(":");
        fields.addObject().put("name", parts[0]).put("type", parts[1]).put("mode", "NULLABLE");
      }
      answer.put("totalRows", String.valueOf(rows.size()));
      ArrayNode out = answer.putArray("rows");
      for (List<Object> row : rows) {
        ArrayNode cells = out.addObject().putArray("f");
        for (Object value : row) {
          ObjectNode cell = cells.addObject();
          if (value == null) {
            cell.putNull("v");
          } else {
            cell.put("v", value.toString());
          }
        }
      }
      return json(200, answer);
    }
  }

  static ResponseDefinition json(int status, JsonNode body) {
    return new ResponseDefinition(status, body.toString()) {
      @Override
      public com.github.tomakehurst.wiremock.http.HttpHeaders getHeaders() {
        return new com.github.tomakehurst.wiremock.http.HttpHeaders(
            new com.github.tomakehurst.wiremock.http.HttpHeader(
                "Content-Type", "application/json"));
      }
    };
  }

  static ResponseDefinition error(int status, String reason, String message) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("code", status);
    error.put("message", message);
    error.putArray("errors").addObject().put("reason", reason).put("message", message);
    return json(status, body);
  }
}
