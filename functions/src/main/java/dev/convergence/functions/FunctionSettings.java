package dev.convergence.functions;

import com.google.cloud.workflows.executions.v1.WorkflowName;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the functions read from their environment, read once at start-up and checked: a
 * function that cannot be configured fails its cold start with every problem listed, rather than
 * its first request.
 *
 * <table>
 *   <tr><th>variable</th><th>meaning</th></tr>
 *   <tr><td>{@code CONVERGENCE_CONFIG_URI}</td><td>the directory holding {@code tenants/} and
 *       {@code pipelines/}: {@code gs://bucket/prefix/}, or a local path</td></tr>
 *   <tr><td>{@code CONVERGENCE_LEDGER}</td><td>where the run ledger lives: {@code gs://bucket}, or
 *       a local directory path (local runs and tests)</td></tr>
 *   <tr><td>{@code CONVERGENCE_PROJECT_ID}</td><td>the project of the Pub/Sub topics</td></tr>
 *   <tr><td>{@code CONVERGENCE_WORKFLOW}</td><td>the workflow to start, {@code
 *       projects/P/locations/L/workflows/pipeline-run}</td></tr>
 *   <tr><td>{@code CONVERGENCE_WORKFLOWS_ENDPOINT}</td><td>optional: another Workflows Executions
 *       endpoint, {@code http(s)://host:port}</td></tr>
 *   <tr><td>{@code PUBSUB_EMULATOR_HOST}</td><td>optional: the Pub/Sub emulator's {@code
 *       host:port}</td></tr>
 * </table>
 */
public record FunctionSettings(
    String configUri,
    String ledger,
    String projectId,
    WorkflowName workflow,
    Optional<URI> workflowsEndpoint,
    Optional<String> pubSubEmulatorHost) {

  public static FunctionSettings fromEnvironment() {
    return from(System.getenv());
  }

  public static FunctionSettings from(Map<String, String> environment) {
    List<String> problems = new ArrayList<>();
    String config = required(environment, "CONVERGENCE_CONFIG_URI", problems);
    String ledger = required(environment, "CONVERGENCE_LEDGER", problems);
    String project = required(environment, "CONVERGENCE_PROJECT_ID", problems);
    String workflowName = required(environment, "CONVERGENCE_WORKFLOW", problems);
    WorkflowName workflow = null;
    if (workflowName != null) {
      if (WorkflowName.isParsableFrom(workflowName)) {
        workflow = WorkflowName.parse(workflowName);
      } else {
        problems.add(
            "CONVERGENCE_WORKFLOW must be projects/PROJECT/locations/LOCATION/workflows/NAME; got '"
                + workflowName
                + "'");
      }
    }
    Optional<URI> endpoint =
        Optional.ofNullable(environment.get("CONVERGENCE_WORKFLOWS_ENDPOINT"))
            .filter(value -> !value.isBlank())
            .map(URI::create);
    if (endpoint.isPresent()
        && !List.of("http", "https").contains(String.valueOf(endpoint.get().getScheme()))) {
      problems.add(
          "CONVERGENCE_WORKFLOWS_ENDPOINT must be an http or https URL; got '"
              + endpoint.get()
              + "'");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "the function is not configured: " + String.join("; ", problems));
    }
    return new FunctionSettings(
        config,
        ledger,
        project,
        workflow,
        endpoint,
        Optional.ofNullable(environment.get("PUBSUB_EMULATOR_HOST")).filter(v -> !v.isBlank()));
  }

  private static String required(
      Map<String, String> environment, String name, List<String> problems) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      problems.add(name + " is not set");
      return null;
    }
    return value;
  }
}
