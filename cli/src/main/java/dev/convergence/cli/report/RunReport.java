package dev.convergence.cli.report;

import dev.convergence.core.warehouse.DqResult;
import dev.convergence.core.warehouse.PipelineRun;
import dev.convergence.core.warehouse.StepLog;
import java.util.List;
import java.util.Objects;

/**
 * One run with its step attempts and data-quality results, as the operations tables record them.
 *
 * @param steps attempts, in the order they started
 * @param dqResults failed rules first, then by severity (critical first) and rule name
 */
public record RunReport(PipelineRun run, List<StepLog> steps, List<DqResult> dqResults) {

  public RunReport {
    Objects.requireNonNull(run, "run");
    steps = List.copyOf(steps);
    dqResults = List.copyOf(dqResults);
  }
}
