package dev.convergence.core.pipeline;

import dev.convergence.core.config.StrictYaml;
import dev.convergence.core.tenant.CostAllocation;
import java.io.Serializable;

/**
 * What the processing job needs from a run's configuration beyond its input files: the tenant's
 * cost allocation and the pipeline's anomaly settings. It travels to the job as one small JSON
 * document (the job never reads the configuration directory), written with the same keys as the
 * tenant's {@code allocation:} and the pipeline's {@code anomaly:} sections.
 */
public record ProcessingRules(CostAllocation allocation, AnomalySettings anomaly)
    implements Serializable {

  /** No allocation rules, default anomaly settings. */
  public static final ProcessingRules DEFAULT =
      new ProcessingRules(CostAllocation.NONE, AnomalySettings.DEFAULT);

  public ProcessingRules {
    allocation = allocation == null ? CostAllocation.NONE : allocation;
    anomaly = anomaly == null ? AnomalySettings.DEFAULT : anomaly;
  }

  /** Reads the rules strictly from JSON or YAML; {@code shownName} names the source in errors. */
  public static ProcessingRules read(byte[] content, String shownName) {
    return StrictYaml.read(content, shownName, ProcessingRules.class);
  }
}
