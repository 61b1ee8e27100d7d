package dev.convergence.workflows;

import static dev.convergence.workflows.TestingCloud.RUN_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convergence.core.launch.WorkflowArgument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drives the real {@code pipeline-run.yaml} through the local executor against a fake cloud. */
class PipelineRunTest {

  private static final String EXECUTION_ID = "0f1e2d3c-4b5a-4789-8abc-def012345678";
  private static final String EXECUTION =
      "projects/convergence-dev/locations/europe-west1/workflows/pipeline-run/executions/"
          + EXECUTION_ID;
  private static final String JOBS = "projects/convergence-dev/locations/europe-west1/jobs/";
  private static final String STAGING =
      "gs://convergence-dev-staging/staging/acme_corp/" + RUN_ID + "/";

  /** The user environment variables terraform/main.tf gives the workflow, and the built-ins. */
  static final Map<String, String> ENVIRONMENT =
      Map.ofEntries(
          Map.entry("GOOGLE_CLOUD_PROJECT_ID", "convergence-dev"),
          Map.entry("GOOGLE_CLOUD_LOCATION", "europe-west1"),
          Map.entry("GOOGLE_CLOUD_WORKFLOW_ID", "pipeline-run"),
          Map.entry("CONVERGENCE_STAGING_BUCKET", "convergence-dev-staging"),
          Map.entry("CONVERGENCE_ADMIT_RUN_URL", "https://admit-run-3kx7q.a.run.app"),
          Map.entry("CONVERGENCE_INGEST_JOB", "convergence-ingest"),
          Map.entry("CONVERGENCE_CHECK_JOB", "convergence-check"),
          Map.entry("CONVERGENCE_PUBLISH_JOB", "convergence-publish"),
          Map.entry("CONVERGENCE_FINALIZE_JOB", "convergence-finalize"),
          Map.entry(
              "CONVERGENCE_GKE_CLUSTER",
              "projects/convergence-dev/locations/europe-west1/clusters/convergence"),
          Map.entry("CONVERGENCE_FLINK_NAMESPACE", "convergence-flink"),
          Map.entry(
              "CONVERGENCE_FLINK_REST_URL", "http://flink-jobmanager.convergence-flink.svc:8081"));

  private static final WorkflowArgument ARGUMENT =
      new WorkflowArgument(
          RUN_ID,
          new WorkflowArgument.Request(
              "acme_corp",
              "aws-cur",
              "2026-10",
              "scheduler",
              null,
              "sched:acme_corp:aws-cur:2026-11-01T02:00Z",
              new WorkflowArgument.Options(false)));

  private final TestingClock clock = new TestingClock(Instant.parse("2026-11-01T02:00:00Z"));
  private final TestingCloud cloud = new TestingCloud(clock);
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final WorkflowExecutor executor =
      WorkflowExecutor.builder(WorkflowDefinition.pipelineRun())
          .handlers(cloud.handlers())
          .environment(ENVIRONMENT)
          .clock(clock)
          .sleeper(sleeper)
          .executionIds(() -> EXECUTION_ID)
          .build();

  @Test
  void aHappyRunAdmitsThenRunsEveryStageInOrderAndSummarisesIt() {
    ExecutionOutcome outcome = executor.execute(ARGUMENT);

    assertThat(outcome.state()).isEqualTo(ExecutionOutcome.State.SUCCEEDED);
    assertThat(steps())
        .containsExactly(
            "http.post admit_run.post",
            "run convergence-ingest",
            "gke.create_job run_flink_job.submit",
            "gke.await_job run_flink_job.wait",
            "run convergence-check",
            "run convergence-publish",
            "run convergence-finalize");

    Call admit = cloud.calls().get(0);
    assertThat(admit.args())
        .isEqualTo(
            Map.of(
                "url",
                "https://admit-run-3kx7q.a.run.app",
                "auth",
                Map.of("type", "OIDC"),
                "body",
                Map.of(
                    "request",
                    Map.of(
                        "tenant_id", "acme_corp",
                        "pipeline", "aws-cur",
                        "billing_period", "2026-10",
                        "trigger", "scheduler",
                        "request_id", "sched:acme_corp:aws-cur:2026-11-01T02:00Z",
                        "options", Map.of("dry_run", false)),
                    "execution",
                    EXECUTION),
                "timeout",
                60L));

    assertThat(cloud.calls().get(1).args())
        .isEqualTo(
            Map.of(
                "name",
                JOBS + "convergence-ingest",
                "location",
                "europe-west1",
                "body",
                Map.of("overrides", Map.of("containerOverrides", List.of(Map.of("env", runEnv())))),
                "connector_params",
                Map.of("timeout", 21600L)));
    assertThat(env(4)).isEqualTo(runEnv());
    assertThat(env(5)).isEqualTo(runEnv());
    assertThat(env(6)).isEqualTo(plus(runEnv(), "CONVERGENCE_OUTCOME", "SUCCEEDED"));

    assertThat(outcome.result())
        .isEqualTo(
            Map.ofEntries(
                Map.entry("run_id", RUN_ID),
                Map.entry("tenant", "acme_corp"),
                Map.entry("pipeline", "aws-cur"),
                Map.entry("billing_period", "2026-10"),
                Map.entry("state", "SUCCEEDED"),
                Map.entry("admission", "admitted"),
                Map.entry("execution", EXECUTION),
                Map.entry("staging", STAGING),
                Map.entry("check_results", STAGING + "check/dq-results.json"),
                Map.entry("started_at", "2026-11-01T02:00:00.000000Z"),
                Map.entry("duration_s", 190.0),
                Map.entry(
                    "steps",
                    List.of(
                        step(
                            "ingest",
                            "02:00:00",
                            30.0,
                            "execution",
                            JOBS + "convergence-ingest/executions/convergence-ingest-2"),
                        step(
                            "process",
                            "02:00:30",
                            120.0,
                            "kubernetes_job",
                            "focus-" + RUN_ID + "-0f1e2d3c"),
                        step(
                            "check",
                            "02:02:30",
                            15.0,
                            "execution",
                            JOBS + "convergence-check/executions/convergence-check-5"),
                        step(
                            "publish",
                            "02:02:45",
                            20.0,
                            "execution",
                            JOBS + "convergence-publish/executions/convergence-publish-6"),
                        step(
                            "finalize",
                            "02:03:05",
                            5.0,
                            "execution",
                            JOBS + "convergence-finalize/executions/convergence-finalize-7")))));
    assertThat(sleeper.delays()).isEmpty();
  }

  @Test
  void theFlinkJobIsSubmittedByAKubernetesJobInsideTheCluster() {
    executor.execute(ARGUMENT);

    Call create = cloud.calls().get(2);
    assertThat(create.args())
        .containsEntry("project", "convergence-dev")
        .containsEntry("location", "europe-west1")
        .containsEntry("cluster_id", "convergence")
        .containsEntry("namespace", "convergence-flink");
    @SuppressWarnings("unchecked")
    Map<String, Object> job = (Map<String, Object>) create.arg("job");
    assertThat(job).containsEntry("apiVersion", "batch/v1").containsEntry("kind", "Job");
    assertThat(path(job, "metadata", "name")).isEqualTo("focus-" + RUN_ID + "-0f1e2d3c");
    assertThat(path(job, "spec", "backoffLimit")).isEqualTo(0L);
    assertThat(path(job, "spec", "template", "metadata", "labels"))
        .isEqualTo(
            Map.of(
                "app.kubernetes.io/part-of", "convergence",
                "convergence.dev/flink-client", "true",
                "convergence.dev/run-id", RUN_ID));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> containers =
        (List<Map<String, Object>>) path(job, "spec", "template", "spec", "containers");
    assertThat(containers).hasSize(1);
    assertThat(containers.get(0))
        .containsEntry("name", "flink-client")
        .containsEntry("image", "flink:2.3.0-java17")
        .containsEntry(
            "command",
            List.of(
                "/opt/flink/bin/flink",
                "run",
                "--jobmanager",
                "flink-jobmanager.convergence-flink.svc:8081",
                "--class",
                "dev.convergence.flink.FocusJob",
                "/job/focus-job.jar"))
        .containsEntry(
            "args",
            List.of(
                "--run-id",
                RUN_ID,
                "--tenant",
                "acme_corp",
                "--manifest",
                STAGING + "manifest.json",
                "--rules",
                STAGING + "rules.json",
                "--output",
                STAGING + "output/",
                "--state-backend",
                "rocksdb"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> init =
        (List<Map<String, Object>>) path(job, "spec", "template", "spec", "initContainers");
    assertThat(init.get(0).get("command"))
        .isEqualTo(
            List.of(
                "gcloud",
                "storage",
                "cp",
                "gs://convergence-dev-flink/jobs/convergence-flink-job.jar",
                "/job/focus-job.jar"));

    assertThat(cloud.calls().get(3).args())
        .isEqualTo(
            Map.of(
                "project", "convergence-dev",
                "location", "europe-west1",
                "cluster_id", "convergence",
                "namespace", "convergence-flink",
                "job_name", "focus-" + RUN_ID + "-0f1e2d3c",
                "timeout", 21600L,
                "polling_policy",
                    Map.of("initial_delay", 10L, "max_delay", 60L, "multiplier", 2L)));
  }

  @Test
  void aTransientFailureIsRetriedWithBackoffAndTheRunSucceeds() {
    cloud
        .failNext("convergence-ingest", WorkflowError.http(503, "unavailable", Map.of()))
        .failNext("convergence-ingest", WorkflowError.http(429, "quota", Map.of()))
        .failNext("create", WorkflowError.tagged("ConnectionError", "connection reset"));

    ExecutionOutcome outcome = executor.execute(ARGUMENT);

    assertThat(outcome.state()).isEqualTo(ExecutionOutcome.State.SUCCEEDED);
    assertThat(steps())
        .containsExactly(
            "http.post admit_run.post",
            "run convergence-ingest",
            "run convergence-ingest",
            "run convergence-ingest",
            "gke.create_job run_flink_job.submit",
            "gke.create_job run_flink_job.submit",
            "gke.await_job run_flink_job.wait",
            "run convergence-check",
            "run convergence-publish",
            "run convergence-finalize");
    assertThat(sleeper.delays())
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(2));
  }

  @Test
  void retriesStopAfterMaxRetriesAndTheStepIsFinalizedFailed() {
    for (int i = 0; i < 6; i++) {
      cloud.failNext("convergence-publish", WorkflowError.http(503, "unavailable", Map.of()));
    }

    ExecutionOutcome outcome = executor.execute(ARGUMENT);

    assertThat(outcome.state()).isEqualTo(ExecutionOutcome.State.FAILED);
    assertThat(sleeper.delays())
        .containsExactly(
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(16),
            Duration.ofSeconds(32));
    assertThat(finalizeEnv().get("CONVERGENCE_FAILED_STEP")).isEqualTo("publish");
    assertThat(finalizeEnv().get("CONVERGENCE_ERROR")).isEqualTo("unavailable");
  }

  @Test
  void aFailedCheckIsPermanentFinalizesFailedWithTheStepAndFailsTheExecution() {
    Map<String, Object> operation = new LinkedHashMap<>();
    operation.put("name", JOBS + "convergence-check/executions/convergence-check-x");
    operation.put("failedCount", 1L);
    WorkflowError failedCheck =
        WorkflowError.operation("The execution convergence-check-x failed", operation);
    cloud.failNext("convergence-check", failedCheck);

    ExecutionOutcome outcome = executor.execute(ARGUMENT);

    assertThat(steps())
        .containsExactly(
            "http.post admit_run.post",
            "run convergence-ingest",
            "gke.create_job run_flink_job.submit",
            "gke.await_job run_flink_job.wait",
            "run convergence-check",
            "run convergence-finalize");
    assertThat(sleeper.delays()).isEmpty();
    assertThat(env(cloud.calls().size() - 1))
        .isEqualTo(
            plus(
                plus(
                    plus(runEnv(), "CONVERGENCE_OUTCOME", "FAILED"),
                    "CONVERGENCE_FAILED_STEP",
                    "check"),
                "CONVERGENCE_ERROR",
                "The execution convergence-check-x failed"));
    assertThat(outcome.state()).isEqualTo(ExecutionOutcome.State.FAILED);
    assertThat(outcome.error()).isEqualTo(failedCheck.value());
    assertThat(outcome.failedStep()).contains("main.fail");
  }

  @Test
  void aFailedFlinkJobIsChargedToProcess() {
    cloud.failNext("await", WorkflowError.tagged("FailedJobError", "Job focus-x failed"));

    ExecutionOutcome outcome = executor.execute(ARGUMENT);

    assertThat(outcome.state()).isEqualTo(ExecutionOutcome.State.FAILED);
    assertThat(outcome.error())
        .isEqualTo(Map.of("message", "Job focus-x failed", "tags", List.of("FailedJobError")));
    assertThat(finalizeEnv())
        .containsEntry("CONVERGENCE_OUTCOME", "FAILED")
        .containsEntry("CONVERGENCE_FAILED_STEP", "process")
        .containsEntry("CONVERGENCE_ERROR", "Job focus-x failed");
  }

  @Test
  void aCreateRetriedAfterItsFirstAttemptLandedWaitsForTheJobItMade() {
    cloud.failNext(
        "create", WorkflowError.http(409, "AlreadyExists", Map.of("reason", "AlreadyExists")));

    ExecutionOutcome outcome = executor.execute(ARGUMENT);

    assertThat(outcome.state()).isEqualTo(ExecutionOutcome.State.SUCCEEDED);
    assertThat(steps()).contains("gke.await_job run_flink_job.wait");
  }

  @Test
  void whenFinalizeFailsTooTheExecutionStillFailsWithTheFirstError() {
    cloud
        .failNext("convergence-ingest", WorkflowError.operation("ingest failed", Map.of()))
        .failNext("convergence-finalize", WorkflowError.operation("finalize failed", Map.of()));

    ExecutionOutcome outcome = executor.execute(ARGUMENT);

    assertThat(outcome.state()).isEqualTo(ExecutionOutcome.State.FAILED);
    assertThat(outcome.error())
        .isEqualTo(WorkflowError.operation("ingest failed", Map.of()).value());
  }

  @Test
  void anotherExecutionRunningTheRunEndsThisOneWithoutRunningAnyStage() {
    cloud.admitAnswers(
        WorkflowError.http(
            409,
            "HTTP server responded with error code 409",
            Map.of(
                "run_id",
                RUN_ID,
                "execution",
                "projects/p/locations/l/workflows/pipeline-run/executions/other",
                "message",
                "run " + RUN_ID + " is already run by execution other; stop this one")));

    ExecutionOutcome outcome = executor.execute(ARGUMENT);

    assertThat(outcome.state()).isEqualTo(ExecutionOutcome.State.SUCCEEDED);
    assertThat(outcome.result())
        .isEqualTo(
            Map.of(
                "run_id",
                RUN_ID,
                "state",
                "NOT_RUN",
                "reason",
                "run "
                    + RUN_ID
                    + " is run by execution projects/p/locations/l/workflows/pipeline-run/executions/other"));
    assertThat(steps()).containsExactly("http.post admit_run.post");
    assertThat(sleeper.delays()).isEmpty();
  }

  @Test
  void aRefusedAdmissionFailsTheExecutionWithAdmitRunsReasonAndRunsNothing() {
    Map<String, Object> reason =
        Map.of(
            "reason_code", "UNKNOWN_TENANT",
            "field", "tenant_id",
            "message", "tenant_id: no tenant 'acme_corp' is configured");
    cloud.admitAnswers(
        WorkflowError.http(422, "HTTP server responded with error code 422", reason));

    ExecutionOutcome outcome = executor.execute(ARGUMENT);

    assertThat(outcome.state()).isEqualTo(ExecutionOutcome.State.FAILED);
    assertThat(outcome.error()).extracting("code", "body").containsExactly(422L, reason);
    assertThat(outcome.failedStep()).contains("admit_run.refused");
    assertThat(steps()).containsExactly("http.post admit_run.post");
  }

  @Test
  void aDirectStartWithoutRunIdOrTriggerIsAdmittedAsAWorkflowTrigger() {
    cloud.failNext("admit", WorkflowError.http(503, "the run ledger could not answer", Map.of()));
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("tenant_id", "acme_corp");
    request.put("pipeline", "aws-cur");
    request.put("billing_period", "2026-10");

    ExecutionOutcome outcome = executor.execute(Map.of("request", request));

    assertThat(outcome.state()).isEqualTo(ExecutionOutcome.State.SUCCEEDED);
    assertThat(cloud.calls().get(1).arg("body"))
        .isEqualTo(
            Map.of(
                "request",
                Map.of(
                    "tenant_id", "acme_corp",
                    "pipeline", "aws-cur",
                    "billing_period", "2026-10",
                    "trigger", "workflow"),
                "execution",
                EXECUTION));
    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void anAlreadyEndedRunIsNotRunAgain() {
    Map<String, Object> ended = TestingCloud.admittedRun("duplicate");
    @SuppressWarnings("unchecked")
    Map<String, Object> run = (Map<String, Object>) ended.get("run");
    run.put("state", "SUCCEEDED");
    cloud.admitAnswers(ended);

    ExecutionOutcome outcome = executor.execute(ARGUMENT);

    assertThat(outcome.result())
        .isEqualTo(
            Map.of(
                "run_id",
                RUN_ID,
                "state",
                "SUCCEEDED",
                "reason",
                "run " + RUN_ID + " had already ended"));
    assertThat(steps()).containsExactly("http.post admit_run.post");
  }

  @Test
  void aRunIdThatAdmitRunDoesNotConfirmFailsBeforeAnyStage() {
    ExecutionOutcome outcome =
        executor.execute(
            Map.of(
                "run_id",
                "2026-10-000000000000000000000000",
                "request",
                Map.of(
                    "tenant_id",
                    "acme_corp",
                    "pipeline",
                    "aws-cur",
                    "billing_period",
                    "2026-10",
                    "trigger",
                    "manual")));

    assertThat(outcome.state()).isEqualTo(ExecutionOutcome.State.FAILED);
    assertThat(outcome.error())
        .isEqualTo(
            Map.of(
                "code",
                409L,
                "message",
                "started for run 2026-10-000000000000000000000000 but AdmitRun admitted " + RUN_ID,
                "tags",
                List.of("ValueError")));
    assertThat(steps()).containsExactly("http.post admit_run.post");
  }

  private List<String> steps() {
    return cloud.calls().stream()
        .map(
            c ->
                c.function().equals(PipelineRunCalls.RUN_JOB)
                    ? "run " + ((String) c.arg("name")).substring(JOBS.length())
                    : c.function() + " " + c.step())
        .toList();
  }

  private static List<Map<String, String>> runEnv() {
    return List.of(
        Map.of("name", "CONVERGENCE_RUN_ID", "value", RUN_ID),
        Map.of("name", "CONVERGENCE_TENANT_ID", "value", "acme_corp"),
        Map.of("name", "CONVERGENCE_PIPELINE", "value", "aws-cur"),
        Map.of("name", "CONVERGENCE_BILLING_PERIOD", "value", "2026-10"));
  }

  private static List<Map<String, String>> plus(
      List<Map<String, String>> env, String name, String value) {
    List<Map<String, String>> more = new ArrayList<>(env);
    more.add(Map.of("name", name, "value", value));
    return more;
  }

  /** The env overrides of the call at {@code index}. */
  private Object env(int index) {
    return path(
        cloud.calls().get(index).args(), "body", "overrides", "containerOverrides", 0, "env");
  }

  /** The last finalize call's env, as a map. */
  private Map<String, String> finalizeEnv() {
    Call last = cloud.calls().get(cloud.calls().size() - 1);
    assertThat((String) last.arg("name")).endsWith("/jobs/convergence-finalize");
    Map<String, String> env = new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    List<Map<String, String>> entries =
        (List<Map<String, String>>)
            path(last.args(), "body", "overrides", "containerOverrides", 0, "env");
    entries.forEach(e -> env.put(e.get("name"), e.get("value")));
    return env;
  }

  private static Map<String, Object> step(
      String name, String startedAt, double duration, String key, String value) {
    return Map.of(
        "step",
        name,
        "started_at",
        "2026-11-01T" + startedAt + ".000000Z",
        "duration_s",
        duration,
        key,
        value);
  }

  private static Object path(Object value, Object... keys) {
    for (Object key : keys) {
      value = key instanceof Integer i ? ((List<?>) value).get(i) : ((Map<?, ?>) value).get(key);
    }
    return value;
  }
}
