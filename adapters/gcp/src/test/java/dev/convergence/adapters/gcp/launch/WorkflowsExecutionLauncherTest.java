package dev.convergence.adapters.gcp.launch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.workflows.executions.v1.ExecutionsClient;
import com.google.cloud.workflows.executions.v1.ExecutionsSettings;
import com.google.cloud.workflows.executions.v1.WorkflowName;
import com.sun.net.httpserver.HttpServer;
import dev.convergence.core.launch.LaunchException;
import dev.convergence.core.ledger.Admission;
import dev.convergence.core.ledger.LedgerSettings;
import dev.convergence.core.ledger.ObjectStoreRunLedger;
import dev.convergence.core.ledger.RunRecord;
import dev.convergence.core.testing.Fixtures;
import dev.convergence.core.testing.InMemoryObjectStore;
import dev.convergence.core.testing.MutableClock;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher's requests, against a local stand-in for the Workflows Executions REST API (there is
 * no emulator): the exact path, method and argument, and how a refusal comes back.
 */
class WorkflowsExecutionLauncherTest {

  private record Request(String method, String path, String body) {}

  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private HttpServer server;
  private ExecutionsClient client;
  private RunRecord run;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
          requests.add(
              new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body));
          byte[] answer =
              (status == 200
                      ? "{\"name\":\"projects/p1/locations/europe-west1/workflows/pipeline-run/"
                          + "executions/exec-42\",\"state\":\"ACTIVE\"}"
                      : "{\"error\":{\"code\":403,\"message\":\"Permission denied\","
                          + "\"status\":\"PERMISSION_DENIED\"}}")
                  .getBytes(UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    client =
        ExecutionsClient.create(
            ExecutionsSettings.newHttpJsonBuilder()
                .setCredentialsProvider(NoCredentialsProvider.create())
                .setEndpoint("http://127.0.0.1:" + server.getAddress().getPort())
                .build());
    MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z");
    run =
        ((Admission.Admitted)
                new ObjectStoreRunLedger(
                        new InMemoryObjectStore(),
                        Fixtures.validator(),
                        clock,
                        LedgerSettings.DEFAULT)
                    .admit(Fixtures.request("pro_co", "req-7")))
            .run();
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  @Test
  void startsAnExecutionOfPipelineRunWithTheRunAsItsArgument() throws Exception {
    WorkflowsExecutionLauncher launcher =
        new WorkflowsExecutionLauncher(
            () -> client, WorkflowName.of("p1", "europe-west1", "pipeline-run"));

    String execution = launcher.start(run);

    assertThat(execution)
        .isEqualTo("projects/p1/locations/europe-west1/workflows/pipeline-run/executions/exec-42");
    assertThat(requests).hasSize(1);
    Request request = requests.get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path())
        .isEqualTo("/v1/projects/p1/locations/europe-west1/workflows/pipeline-run/executions");
    ObjectMapper json = new ObjectMapper();
    JsonNode argument = json.readTree(json.readTree(request.body()).get("argument").asText());
    assertThat(argument)
        .isEqualTo(
            json.readTree(
                "{\"run_id\":\""
                    + run.runId()
                    + "\",\"tenant_id\":\"pro_co\",\"pipeline\":\"aws-cur\","
                    + "\"billing_period\":\"2026-11\",\"request_id\":\"req-7\","
                    + "\"trigger\":\"manual\",\"dry_run\":false}"));
  }

  @Test
  void aRefusalIsALaunchFailureNamingTheWorkflowAndTheRun() {
    status = 403;
    WorkflowsExecutionLauncher launcher =
        new WorkflowsExecutionLauncher(
            () -> client, WorkflowName.of("p1", "europe-west1", "pipeline-run"));

    assertThatThrownBy(() -> launcher.start(run))
        .isInstanceOf(LaunchException.class)
        .hasMessageStartingWith(
            "cannot start projects/p1/locations/europe-west1/workflows/pipeline-run for run "
                + run.runId()
                + " (PERMISSION_DENIED)");
  }
}
