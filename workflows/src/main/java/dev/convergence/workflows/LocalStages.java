package dev.convergence.workflows;

import java.util.List;
import java.util.Map;

/**
 * What a local run of {@code pipeline-run.yaml} needs from the in-process pipeline, in the
 * pipeline's own terms. {@link PipelineRunCalls#bind} turns it into the call handlers the file's
 * connector and HTTP calls reach, doing the Workflows-shaped plumbing (argument shapes, HTTP error
 * maps, failed executions) in one place next to the file, so the CLI that implements this knows
 * nothing of Workflows.
 */
public interface LocalStages {

  /**
   * AdmitRun's answer to {@code body}, which is {@code {"request": {...}, "execution": "..."}}: the
   * HTTP status and the JSON body the function gives.
   */
  HttpAnswer admit(Map<String, Object> body);

  /**
   * Runs the Cloud Run job {@code job} (for example {@code convergence-ingest}) to its end with
   * {@code env} set ({@code CONVERGENCE_RUN_ID}, {@code CONVERGENCE_TENANT}, ...); returns its exit
   * code.
   */
  int runJob(String job, Map<String, String> env);

  /**
   * Runs the Flink job {@code dev.convergence.flink.FocusJob} to its end with {@code arguments}
   * ({@code --run-id}, {@code --tenant}, {@code --manifest}, {@code --output}, {@code
   * --state-backend}), on a MiniCluster; returns its exit code.
   */
  int runFlinkJob(List<String> arguments);

  /** An HTTP answer: status and decoded JSON body. */
  record HttpAnswer(int status, Object body) {}
}
