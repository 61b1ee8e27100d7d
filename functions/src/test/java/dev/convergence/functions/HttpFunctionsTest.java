package dev.convergence.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convergence.core.intake.IntakeOutcome;
import dev.convergence.core.intake.RequestMessage;
import dev.convergence.core.ledger.RunState;
import dev.convergence.core.testing.RecordingEventBus;
import dev.convergence.core.testing.RecordingLauncher;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AdmitRun and RunStatus called directly, on the functions' real component over a local ledger
 * directory and the test configuration.
 */
class HttpFunctionsTest {

  private static final String EXECUTION =
      "projects/p1/locations/europe-west1/workflows/pipeline-run/executions/e-101";

  @TempDir Path ledgerDirectory;
  private FunctionsComponent component;
  private AdmitRun admitRun;
  private RunStatus runStatus;

  @BeforeEach
  void wire() throws Exception {
    component =
        FunctionsComponent.create(
            FunctionSettings.from(
                Map.of(
                    "CONVERGENCE_CONFIG_URI",
                    Path.of(getClass().getResource("/config").toURI()).toString(),
                    "CONVERGENCE_LEDGER",
                    ledgerDirectory.toString(),
                    "CONVERGENCE_PROJECT_ID",
                    "p1",
                    "CONVERGENCE_WORKFLOW",
                    "projects/p1/locations/europe-west1/workflows/pipeline-run")));
    admitRun = new AdmitRun(component);
    runStatus = new RunStatus(component);
  }

  private static final String REQUEST =
      "{\"tenant_id\":\"acme_corp\",\"pipeline\":\"aws-cur\",\"billing_period\":\"2026-10\","
          + "\"trigger\":\"workflow\"}";

  private InProcessHttp.Response admit(String body) throws Exception {
    InProcessHttp.Response response = new InProcessHttp.Response();
    admitRun.service(InProcessHttp.post("/", body), response);
    return response;
  }

  private InProcessHttp.Response status(String query) throws Exception {
    InProcessHttp.Response response = new InProcessHttp.Response();
    runStatus.service(InProcessHttp.get("/?" + query), response);
    return response;
  }

  @Test
  void aDirectlyStartedWorkflowIsAdmittedOnceUnderItsExecutionsId() throws Exception {
    String body = "{\"request\":" + REQUEST + ",\"execution\":\"" + EXECUTION + "\"}";

    InProcessHttp.Response first = admit(body);
    InProcessHttp.Response retried = admit(body);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("admission").asText()).isEqualTo("admitted");
    JsonNode run = first.json().get("run");
    assertThat(run.get("request_id").asText()).isEqualTo("e-101");
    assertThat(run.get("state").asText()).isEqualTo("ACCEPTED");
    assertThat(retried.status()).isEqualTo(200);
    assertThat(retried.json().get("admission").asText()).isEqualTo("duplicate");
    assertThat(retried.json().get("run").get("run_id")).isEqualTo(run.get("run_id"));
  }

  @Test
  void aRunAdmittedByAcceptRunIsReturnedAsItIsToItsOwnExecution() throws Exception {
    RecordingLauncher launcher = new RecordingLauncher();
    IntakeOutcome.Accepted accepted =
        (IntakeOutcome.Accepted)
            new dev.convergence.core.intake.RunIntake(
                    component.parser(),
                    component.ledger(),
                    component.launches(),
                    launcher,
                    new RecordingEventBus())
                .accept(
                    new RequestMessage(
                        REQUEST.replace("workflow", "manual").getBytes(),
                        Map.of(),
                        "pubsub-9",
                        Instant.parse("2026-11-22T08:00:00Z")));
    String ownExecution = accepted.execution().orElseThrow();
    String request =
        REQUEST.replace("workflow", "manual").replace("}", ",\"request_id\":\"pubsub-9\"}");

    InProcessHttp.Response own =
        admit("{\"request\":" + request + ",\"execution\":\"" + ownExecution + "\"}");
    InProcessHttp.Response other =
        admit("{\"request\":" + request + ",\"execution\":\"" + EXECUTION + "\"}");

    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().get("admission").asText()).isEqualTo("duplicate");
    assertThat(own.json().get("run").get("run_id").asText()).isEqualTo(accepted.run().runId());
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.json().get("message").asText())
        .isEqualTo(
            "run "
                + accepted.run().runId()
                + " is already run by execution "
                + ownExecution
                + "; stop this one");
  }

  @Test
  void badInputGetsAClear4xxWithItsReason() throws Exception {
    InProcessHttp.Response noExecution = admit("{\"request\":" + REQUEST + "}");
    InProcessHttp.Response badPeriod =
        admit(
            "{\"request\":"
                + REQUEST.replace("2026-10", "2026-13")
                + ",\"execution\":\""
                + EXECUTION
                + "\"}");
    InProcessHttp.Response unknownTenant =
        admit(
            "{\"request\":"
                + REQUEST.replace("acme_corp", "nobody_co")
                + ",\"execution\":\""
                + EXECUTION
                + "\"}");
    InProcessHttp.Response wrongMethod = new InProcessHttp.Response();
    admitRun.service(InProcessHttp.get("/"), wrongMethod);

    assertThat(noExecution.status()).isEqualTo(400);
    assertThat(noExecution.json().get("reason_code").asText()).isEqualTo("MISSING_FIELD");
    assertThat(noExecution.json().get("message").asText())
        .isEqualTo("execution: is required: the workflow execution's name");
    assertThat(badPeriod.status()).isEqualTo(400);
    assertThat(badPeriod.json().get("reason_code").asText()).isEqualTo("INVALID_BILLING_PERIOD");
    assertThat(unknownTenant.status()).isEqualTo(422);
    assertThat(unknownTenant.json().get("message").asText())
        .isEqualTo("tenant_id: no tenant 'nobody_co' is configured");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.getHeaders()).containsEntry("Allow", java.util.List.of("POST"));
  }

  @Test
  void runStatusShowsARunsHistoryAndATenantsRecentRuns() throws Exception {
    String runId =
        admit("{\"request\":" + REQUEST + ",\"execution\":\"" + EXECUTION + "\"}")
            .json()
            .get("run")
            .get("run_id")
            .asText();
    component.ledger().transition("acme_corp", runId, RunState.RUNNING, "ingest started");

    InProcessHttp.Response one = status("tenant_id=acme_corp&run_id=" + runId);
    InProcessHttp.Response recent = status("tenant_id=acme_corp&limit=5");

    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("history")).hasSize(2);
    assertThat(one.json().get("history").get(1).get("state").asText()).isEqualTo("RUNNING");
    assertThat(one.json().get("history").get(1).get("reason").asText()).isEqualTo("ingest started");
    assertThat(recent.status()).isEqualTo(200);
    assertThat(recent.json().get("runs")).hasSize(1);
    assertThat(recent.json().get("runs").get(0).get("run_id").asText()).isEqualTo(runId);
  }

  @Test
  void runStatusRefusesWhatItCannotAnswer() throws Exception {
    assertThat(status("run_id=x").status()).isEqualTo(400);
    assertThat(status("tenant_id=nobody_co").status()).isEqualTo(404);
    InProcessHttp.Response noRun = status("tenant_id=acme_corp&run_id=2026-10-nope");
    assertThat(noRun.status()).isEqualTo(404);
    assertThat(noRun.json().get("message").asText())
        .isEqualTo("tenant acme_corp has no run 2026-10-nope");
    InProcessHttp.Response badLimit = status("tenant_id=acme_corp&limit=1000");
    assertThat(badLimit.status()).isEqualTo(400);
    assertThat(badLimit.json().get("message").asText())
        .isEqualTo("limit: must be a whole number from 1 to 100; got '1000'");
  }
}
