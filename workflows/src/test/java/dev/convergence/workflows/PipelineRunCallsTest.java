package dev.convergence.workflows;

import static dev.convergence.workflows.TestingCloud.RUN_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real file run against {@link LocalStages} through {@link PipelineRunCalls#bind}: what the
 * CLI's in-process stages see, in their own terms.
 */
class PipelineRunCallsTest {

  /** In-process stages that record what they are asked to run; a job may be told to fail. */
  private static final class TestingStages implements LocalStages {
    final List<String> runs = new ArrayList<>();
    final List<Map<String, String>> envs = new ArrayList<>();
    final List<List<String>> flinkArguments = new ArrayList<>();
    String failingJob;
    int flinkExitCode;
    HttpAnswer admission = new HttpAnswer(200, TestingCloud.admittedRun("duplicate"));

    @Override
    public HttpAnswer admit(Map<String, Object> body) {
      runs.add("admit");
      return admission;
    }

    @Override
    public int runJob(String job, Map<String, String> env) {
      runs.add(job);
      envs.add(env);
      return job.equals(failingJob) ? 3 : 0;
    }

    @Override
    public int runFlinkJob(List<String> arguments) {
      runs.add("flink");
      flinkArguments.add(arguments);
      return flinkExitCode;
    }
  }

  private final TestingStages stages = new TestingStages();

  private ExecutionOutcome run() {
    return WorkflowExecutor.builder(WorkflowDefinition.pipelineRun())
        .handlers(PipelineRunCalls.bind(stages))
        .environment(PipelineRunTest.ENVIRONMENT)
        .clock(new TestingClock(Instant.parse("2026-11-01T02:00:00Z")))
        .sleeper(new RecordingSleeper())
        .executionIds(() -> "0f1e2d3c-4b5a-4789-8abc-def012345678")
        .build()
        .execute(Map.of("run_id", RUN_ID, "request", Map.of("tenant_id", "acme_corp")));
  }

  @Test
  void theStagesRunInOrderWithTheRunInTheirEnvironment() {
    ExecutionOutcome outcome = run();

    assertThat(outcome.succeeded()).isTrue();
    assertThat(stages.runs)
        .containsExactly(
            "admit",
            "convergence-ingest",
            "flink",
            "convergence-check",
            "convergence-publish",
            "convergence-finalize");
    assertThat(stages.envs.get(0))
        .containsExactly(
            Map.entry("CONVERGENCE_RUN_ID", RUN_ID),
            Map.entry("CONVERGENCE_TENANT_ID", "acme_corp"),
            Map.entry("CONVERGENCE_PIPELINE", "aws-cur"),
            Map.entry("CONVERGENCE_BILLING_PERIOD", "2026-10"));
    assertThat(stages.envs.get(3)).containsEntry("CONVERGENCE_OUTCOME", "SUCCEEDED");
    assertThat(stages.flinkArguments)
        .containsExactly(
            List.of(
                "--run-id",
                RUN_ID,
                "--tenant",
                "acme_corp",
                "--manifest",
                "gs://convergence-dev-staging/staging/acme_corp/" + RUN_ID + "/manifest.json",
                "--rules",
                "gs://convergence-dev-staging/staging/acme_corp/" + RUN_ID + "/rules.json",
                "--output",
                "gs://convergence-dev-staging/staging/acme_corp/" + RUN_ID + "/output/",
                "--state-backend",
                "rocksdb"));
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) outcome.result();
    assertThat(result).containsEntry("admission", "duplicate").containsEntry("state", "SUCCEEDED");
  }

  @Test
  void aStageExitingNonZeroIsAFailedExecutionThatFinalizesFailed() {
    stages.failingJob = "convergence-check";

    ExecutionOutcome outcome = run();

    assertThat(outcome.state()).isEqualTo(ExecutionOutcome.State.FAILED);
    assertThat(outcome.error()).extracting("tags").isEqualTo(List.of("OperationError"));
    assertThat(stages.runs)
        .containsExactly(
            "admit", "convergence-ingest", "flink", "convergence-check", "convergence-finalize");
    assertThat(stages.envs.get(stages.envs.size() - 1))
        .containsEntry("CONVERGENCE_OUTCOME", "FAILED")
        .containsEntry("CONVERGENCE_FAILED_STEP", "check")
        .containsEntry(
            "CONVERGENCE_ERROR",
            "The execution projects/convergence-dev/locations/europe-west1/jobs/convergence-check"
                + "/executions/convergence-check-2 failed");
  }

  @Test
  void aFlinkJobExitingNonZeroFailsProcess() {
    stages.flinkExitCode = 1;

    ExecutionOutcome outcome = run();

    assertThat(outcome.error())
        .isEqualTo(
            Map.of(
                "message",
                "Job focus-" + RUN_ID + "-0f1e2d3c failed",
                "tags",
                List.of("FailedJobError")));
    assertThat(stages.envs.get(stages.envs.size() - 1))
        .containsEntry("CONVERGENCE_FAILED_STEP", "process");
  }

  @Test
  void admitRunsConflictIsAnHttpErrorThatEndsTheExecutionQuietly() {
    stages.admission =
        new LocalStages.HttpAnswer(
            409, Map.of("run_id", RUN_ID, "execution", "other", "message", "already run"));

    ExecutionOutcome outcome = run();

    assertThat(outcome.result())
        .isEqualTo(
            Map.of(
                "run_id",
                RUN_ID,
                "state",
                "NOT_RUN",
                "reason",
                "run " + RUN_ID + " is run by execution other"));
    assertThat(stages.runs).containsExactly("admit");
  }
}
