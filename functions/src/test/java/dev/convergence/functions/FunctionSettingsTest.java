package dev.convergence.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunctionSettingsTest {

  @Test
  void readsTheVariablesTerraformSets() {
    FunctionSettings settings =
        FunctionSettings.from(
            Map.of(
                "CONVERGENCE_CONFIG_URI", "gs://p1-ledger/config/",
                "CONVERGENCE_LEDGER", "gs://p1-ledger",
                "CONVERGENCE_PROJECT_ID", "p1",
                "CONVERGENCE_WORKFLOW", "projects/p1/locations/europe-west1/workflows/pipeline-run",
                "CONVERGENCE_LOG_FORMAT", "json"));

    assertThat(settings.configUri()).isEqualTo("gs://p1-ledger/config/");
    assertThat(settings.ledger()).isEqualTo("gs://p1-ledger");
    assertThat(settings.projectId()).isEqualTo("p1");
    assertThat(settings.workflow().getWorkflow()).isEqualTo("pipeline-run");
    assertThat(settings.workflowsEndpoint()).isEmpty();
    assertThat(settings.pubSubEmulatorHost()).isEqualTo(Optional.empty());
  }

  @Test
  void aMissingOrMalformedSettingFailsTheColdStartListingEveryProblem() {
    assertThatThrownBy(
            () ->
                FunctionSettings.from(
                    Map.of(
                        "CONVERGENCE_WORKFLOW", "pipeline-run",
                        "CONVERGENCE_WORKFLOWS_ENDPOINT", "ftp://127.0.0.1:1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the function is not configured: CONVERGENCE_CONFIG_URI is not set;"
                + " CONVERGENCE_LEDGER is not set; CONVERGENCE_PROJECT_ID is not set;"
                + " CONVERGENCE_WORKFLOW must be projects/PROJECT/locations/LOCATION/workflows/NAME;"
                + " got 'pipeline-run'; CONVERGENCE_WORKFLOWS_ENDPOINT must be an http or https URL;"
                + " got 'ftp://127.0.0.1:1'");
  }

  @Test
  void anEndpointOverrideAndTheEmulatorAreOptional() {
    FunctionSettings settings =
        FunctionSettings.from(
            Map.of(
                "CONVERGENCE_CONFIG_URI", "/etc/convergence",
                "CONVERGENCE_LEDGER", "/var/lib/convergence",
                "CONVERGENCE_PROJECT_ID", "p1",
                "CONVERGENCE_WORKFLOW", "projects/p1/locations/l/workflows/pipeline-run",
                "CONVERGENCE_WORKFLOWS_ENDPOINT", "http://127.0.0.1:9090",
                "PUBSUB_EMULATOR_HOST", "127.0.0.1:8085"));

    assertThat(settings.workflowsEndpoint()).contains(URI.create("http://127.0.0.1:9090"));
    assertThat(settings.pubSubEmulatorHost()).contains("127.0.0.1:8085");
  }
}
