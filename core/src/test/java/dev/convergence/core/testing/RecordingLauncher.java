package dev.convergence.core.testing;

import dev.convergence.core.launch.LaunchException;
import dev.convergence.core.launch.WorkflowLauncher;
import dev.convergence.core.ledger.RunRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A workflow launcher that records each start, and can be made to fail. */
public final class RecordingLauncher implements WorkflowLauncher {

  private final List<RunRecord> started = new CopyOnWriteArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();

  /** The next {@code times} starts fail. */
  public void failNext(int times) {
    failures.set(times);
  }

  @Override
  public String start(RunRecord run) {
    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new LaunchException("injected failure starting run " + run.runId(), null);
    }
    started.add(run);
    return "executions/" + run.runId() + "-" + started.size();
  }

  public List<RunRecord> started() {
    return List.copyOf(started);
  }
}
