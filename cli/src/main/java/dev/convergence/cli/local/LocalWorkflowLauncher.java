package dev.convergence.cli.local;

import dev.convergence.core.launch.WorkflowLauncher;
import dev.convergence.core.ledger.RunRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Starts {@code pipeline-run} on one machine: AcceptRun's start is queued and {@link #drain} runs
 * the queued executions one after another with the local executor, as Workflows would run them
 * (concurrently there; here in order, which the plans' concurrency limits allow).
 */
public final class LocalWorkflowLauncher implements WorkflowLauncher {

  /** Runs one execution of the workflow for a run. */
  @FunctionalInterface
  public interface Execution {
    void run(String executionName, RunRecord run);
  }

  private final Deque<Started> queue = new ArrayDeque<>();
  private int started;

  private record Started(String name, RunRecord run) {}

  @Override
  public synchronized String start(RunRecord run) {
    started++;
    String name =
        "projects/local/locations/local/workflows/pipeline-run/executions/local-" + started;
    queue.add(new Started(name, run));
    return name;
  }

  /** Runs every execution started so far (and any they start), in order; returns their names. */
  public List<String> drain(Execution execution) {
    List<String> ran = new ArrayList<>();
    while (true) {
      Started next;
      synchronized (this) {
        next = queue.poll();
      }
      if (next == null) {
        return ran;
      }
      execution.run(next.name(), next.run());
      ran.add(next.name());
    }
  }
}
