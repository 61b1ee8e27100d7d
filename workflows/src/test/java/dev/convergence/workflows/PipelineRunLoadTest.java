package dev.convergence.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every construct {@code pipeline-run.yaml} uses is one the local executor runs. */
class PipelineRunLoadTest {

  @Test
  void theDeployedFileLoadsWithEveryConstructSupported() {
    WorkflowDefinition definition = WorkflowDefinition.pipelineRun();

    assertThat(definition.subworkflows().keySet())
        .containsExactly(
            "main",
            "admit_run",
            "run_stage_job",
            "run_flink_job",
            "transient_error",
            "describe_error");
  }

  @Test
  void itsOnlyOutsideCallsAreAdmitRunTheJobsAndTheGkeConnector() {
    assertThat(WorkflowDefinition.pipelineRun().externalCalls())
        .isEqualTo(
            Map.of(
                PipelineRunCalls.HTTP_POST, List.of("admit_run.post"),
                PipelineRunCalls.RUN_JOB, List.of("run_stage_job.run_job"),
                PipelineRunCalls.CREATE_JOB, List.of("run_flink_job.submit"),
                PipelineRunCalls.AWAIT_JOB, List.of("run_flink_job.wait")));
    assertThat(WorkflowDefinition.pipelineRun().externalCalls().keySet())
        .isEqualTo(PipelineRunCalls.ALL);
  }

  @Test
  void anExecutorWithoutAHandlerForACallIsRefusedNamingTheStep() {
    CallHandlers withoutGke =
        CallHandlers.builder()
            .on(PipelineRunCalls.HTTP_POST, call -> null)
            .on(PipelineRunCalls.RUN_JOB, call -> null)
            .build();

    assertThatThrownBy(
            () ->
                WorkflowExecutor.builder(WorkflowDefinition.pipelineRun())
                    .handlers(withoutGke)
                    .build())
        .isInstanceOf(UnsupportedConstructException.class)
        .hasMessage(
            "pipeline-run.yaml: step 'run_flink_job.wait': call gke.await_job is not supported by"
                + " the local executor; no CallHandler is bound to it");
  }

  @Test
  void theFileOnTheClassPathIsTheDeployedOne() throws Exception {
    String deployed = java.nio.file.Files.readString(java.nio.file.Path.of("pipeline-run.yaml"));
    try (var in =
        PipelineRunLoadTest.class.getResourceAsStream(WorkflowDefinition.PIPELINE_RUN_RESOURCE)) {
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(deployed);
    }
  }
}
