package dev.convergence.core.launch;

import dev.convergence.core.ledger.RunRecord;

/**
 * Starts the {@code pipeline-run} workflow for a run: a Workflows execution in the cloud, the local
 * executor on one machine. A start that fails throws {@link LaunchException}.
 */
public interface WorkflowLauncher {

  /** Starts the workflow with {@code run} as its argument; returns the execution's name. */
  String start(RunRecord run);
}
