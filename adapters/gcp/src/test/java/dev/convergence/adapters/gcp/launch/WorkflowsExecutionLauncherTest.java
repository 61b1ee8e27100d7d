package dev.convergence.adapters.gcp.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.workflows.executions.v1.ExecutionsClient;
import com.google.cloud.workflows.executions.v1.ExecutionsSettings;
import com.google.cloud.workflows.executions.v1.WorkflowName;
import dev.convergence.core.launch.LaunchException;
import dev.convergence.core.ledger.Admission;
import dev.convergence.core.ledger.LedgerSettings;
import dev.convergence.core.ledger.ObjectStoreRunLedger;
import dev.convergence.core.ledger.RunRecord;
import dev.convergence.core.testing.Fixtures;
import dev.convergence.core.testing.InMemoryObjectStore;
import dev.convergence.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher's requests, against a local stand-in for the Workflows Executions REST API (there is
 * no emulator): the exact path, method and argument, and how a refusal comes back.
 */
class WorkflowsExecutionLauncherTest {

  private WorkflowsStandIn workflows;
  private ExecutionsClient client;
  private RunRecord run;

  @BeforeEach
  void start() throws Exception {
    workflows = WorkflowsStandIn.start();
    client =
        ExecutionsClient.create(
            ExecutionsSettings.newHttpJsonBuilder()
                .setCredentialsProvider(NoCredentialsProvider.create())
                .setEndpoint(workflows.endpoint())
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
    workflows.close();
  }

  @Test
  void startsAnExecutionOfPipelineRunWithTheRunAsItsArgument() throws Exception {
    WorkflowsExecutionLauncher launcher =
        new WorkflowsExecutionLauncher(
            () -> client, WorkflowName.of("p1", "europe-west1", "pipeline-run"));

    String execution = launcher.start(run);

    assertThat(execution)
        .isEqualTo("projects/p1/locations/europe-west1/workflows/pipeline-run/executions/exec-1");
    assertThat(workflows.requests()).hasSize(1);
    WorkflowsStandIn.Request request = workflows.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path())
        .isEqualTo("/v1/projects/p1/locations/europe-west1/workflows/pipeline-run/executions");
    ObjectMapper json = new ObjectMapper();
    assertThat(request.argument())
        .isEqualTo(
            json.readTree(
                "{\"run_id\":\""
                    + run.runId()
                    + "\",\"request\":{\"tenant_id\":\"pro_co\",\"pipeline\":\"aws-cur\","
                    + "\"billing_period\":\"2026-11\",\"trigger\":\"manual\","
                    + "\"request_id\":\"req-7\",\"options\":{\"dry_run\":false}}}"));
  }

  @Test
  void aRefusalIsALaunchFailureNamingTheWorkflowAndTheRun() {
    workflows.answerWith(403);
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
