package dev.convergence.adapters.gcp.launch;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.workflows.executions.v1.Execution;
import com.google.cloud.workflows.executions.v1.ExecutionsClient;
import com.google.cloud.workflows.executions.v1.WorkflowName;
import dev.convergence.core.launch.LaunchException;
import dev.convergence.core.launch.WorkflowArgument;
import dev.convergence.core.launch.WorkflowLauncher;
import dev.convergence.core.ledger.RunRecord;
import java.util.function.Supplier;

/** Starts {@code pipeline-run} as a Cloud Workflows execution, with the run as its argument. */
public final class WorkflowsExecutionLauncher implements WorkflowLauncher {

  private final Supplier<ExecutionsClient> client;
  private final WorkflowName workflow;

  /**
   * @param client built on first use, so a function's cold start builds no client it may not need
   */
  public WorkflowsExecutionLauncher(Supplier<ExecutionsClient> client, WorkflowName workflow) {
    this.client = client;
    this.workflow = workflow;
  }

  @Override
  public String start(RunRecord run) {
    Execution execution =
        Execution.newBuilder().setArgument(WorkflowArgument.of(run).toJson()).build();
    try {
      return client.get().createExecution(workflow, execution).getName();
    } catch (ApiException e) {
      throw new LaunchException(
          "cannot start "
              + workflow
              + " for run "
              + run.runId()
              + " ("
              + e.getStatusCode().getCode()
              + "): "
              + e.getMessage(),
          e);
    }
  }
}
