package dev.convergence.workflows;

import dev.convergence.workflows.expr.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The calls {@code pipeline-run.yaml} makes besides its own subworkflows, and their binding to
 * {@link LocalStages} for a local run.
 *
 * <ul>
 *   <li>{@value #HTTP_POST} {@code {url, auth: {type: OIDC}, body: {request, execution}, timeout}}:
 *       AdmitRun. Returns {@code {code, headers, body}}; a status of 400 or more raises an {@code
 *       HttpError} with {@code code} and {@code body}.
 *   <li>{@value #RUN_JOB} {@code {name: projects/P/locations/L/jobs/J, location, body: {overrides:
 *       {containerOverrides: [{env: [{name, value}...]}]}}, connector_params}}: a stage. Returns
 *       the finished execution ({@code name}); a non-zero exit raises an {@code OperationError}.
 *   <li>{@value #CREATE_JOB} {@code {project, location, cluster_id, namespace, job}}: the
 *       Kubernetes Job whose {@code flink-client} container runs the Flink job with its {@code
 *       args}. A Job of the same name raises an {@code HttpError} 409.
 *   <li>{@value #AWAIT_JOB} {@code {project, location, cluster_id, namespace, job_name, timeout,
 *       polling_policy}}: returns the finished Job; a failed one raises a {@code FailedJobError}.
 * </ul>
 */
public final class PipelineRunCalls {

  public static final String HTTP_POST = "http.post";
  public static final String RUN_JOB = "googleapis.run.v2.projects.locations.jobs.run";
  public static final String CREATE_JOB = "gke.create_job";
  public static final String AWAIT_JOB = "gke.await_job";

  /** Every call the file makes that needs a handler. */
  public static final Set<String> ALL = Set.of(HTTP_POST, RUN_JOB, CREATE_JOB, AWAIT_JOB);

  /** The container of the submitter Job that runs {@code flink run}. */
  public static final String FLINK_CLIENT_CONTAINER = "flink-client";

  private final LocalStages stages;
  private final Map<String, Map<String, Object>> jobs = new ConcurrentHashMap<>();
  private final AtomicLong executions = new AtomicLong();

  private PipelineRunCalls(LocalStages stages) {
    this.stages = stages;
  }

  /** Handlers for every call in {@link #ALL}, served by {@code stages}. */
  public static CallHandlers bind(LocalStages stages) {
    PipelineRunCalls calls = new PipelineRunCalls(stages);
    return CallHandlers.builder()
        .on(HTTP_POST, calls::post)
        .on(RUN_JOB, calls::runJob)
        .on(CREATE_JOB, calls::createJob)
        .on(AWAIT_JOB, calls::awaitJob)
        .build();
  }

  private Object post(Call call) {
    LocalStages.HttpAnswer answer = stages.admit(map(call, call.arg("body"), "body"));
    Object body = Values.normalize(answer.body());
    if (answer.status() >= 400) {
      throw WorkflowError.http(
          answer.status(), "HTTP server responded with error code " + answer.status(), body);
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("code", (long) answer.status());
    response.put("headers", Map.of("Content-Type", "application/json"));
    response.put("body", body);
    return response;
  }

  private Object runJob(Call call) {
    String name = string(call, call.arg("name"), "name");
    String job = name.substring(name.lastIndexOf('/') + 1);
    Map<String, Object> body = map(call, call.arg("body"), "body");
    Map<String, Object> overrides = map(call, body.get("overrides"), "body.overrides");
    List<Object> containers =
        list(call, overrides.get("containerOverrides"), "body.overrides.containerOverrides");
    Map<String, String> env = new LinkedHashMap<>();
    for (Object container : containers) {
      Map<String, Object> c = map(call, container, "containerOverrides[]");
      for (Object variable : list(call, c.getOrDefault("env", List.of()), "env")) {
        Map<String, Object> v = map(call, variable, "env[]");
        env.put(
            string(call, v.get("name"), "env[].name"), string(call, v.get("value"), "env[].value"));
      }
    }
    String execution = name + "/executions/" + job + "-" + executions.incrementAndGet();
    int exitCode = stages.runJob(job, env);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("name", execution);
    result.put("succeededCount", exitCode == 0 ? 1L : 0L);
    result.put("failedCount", exitCode == 0 ? 0L : 1L);
    if (exitCode != 0) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", 2L);
      error.put("message", "Task " + job + " exited with code " + exitCode);
      result.put("error", error);
      throw WorkflowError.operation("The execution " + execution + " failed", result);
    }
    return result;
  }

  private Object createJob(Call call) {
    Map<String, Object> job = map(call, call.arg("job"), "job");
    String name =
        string(call, map(call, job.get("metadata"), "job.metadata").get("name"), "metadata.name");
    Map<String, Object> spec = map(call, job.get("spec"), "job.spec");
    Map<String, Object> podSpec =
        map(call, map(call, spec.get("template"), "spec.template").get("spec"), "template.spec");
    List<String> arguments = null;
    for (Object container : list(call, podSpec.get("containers"), "template.spec.containers")) {
      Map<String, Object> c = map(call, container, "containers[]");
      if (FLINK_CLIENT_CONTAINER.equals(c.get("name"))) {
        arguments = new ArrayList<>();
        for (Object arg : list(call, c.get("args"), "flink-client.args")) {
          arguments.add(string(call, arg, "flink-client.args[]"));
        }
      }
    }
    if (arguments == null) {
      throw invalid(call, "the Job has no container named " + FLINK_CLIENT_CONTAINER);
    }
    if (jobs.putIfAbsent(name, job) != null) {
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("kind", "Status");
      status.put("reason", "AlreadyExists");
      status.put("message", "jobs.batch \"" + name + "\" already exists");
      status.put("code", 409L);
      throw WorkflowError.http(409, "HTTP server responded with error code 409", status);
    }
    int exitCode = stages.runFlinkJob(arguments);
    Map<String, Object> status = new LinkedHashMap<>();
    status.put(exitCode == 0 ? "succeeded" : "failed", 1L);
    job.put("status", status);
    return Values.deepCopy(job);
  }

  private Object awaitJob(Call call) {
    String name = string(call, call.arg("job_name"), "job_name");
    Map<String, Object> job = jobs.get(name);
    if (job == null) {
      throw WorkflowError.http(404, "HTTP server responded with error code 404", Map.of());
    }
    Map<String, Object> status = map(call, job.get("status"), "status");
    if (status.containsKey("failed")) {
      throw WorkflowError.tagged("FailedJobError", "Job " + name + " failed");
    }
    return Values.deepCopy(job);
  }

  private static WorkflowError invalid(Call call, String detail) {
    return WorkflowError.tagged(
        "ValueError", call.function() + " (step " + call.step() + "): " + detail);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Call call, Object value, String what) {
    if (value instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw invalid(call, what + " must be a map, not " + Values.typeName(value));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Call call, Object value, String what) {
    if (value instanceof List<?> l) {
      return (List<Object>) l;
    }
    throw invalid(call, what + " must be a list, not " + Values.typeName(value));
  }

  private static String string(Call call, Object value, String what) {
    if (value instanceof String s) {
      return s;
    }
    throw invalid(call, what + " must be a string, not " + Values.typeName(value));
  }
}
