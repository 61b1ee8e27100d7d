package dev.convergence.flink.args;

import dev.convergence.core.pipeline.ProcessingRules;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The FOCUS job's typed, validated arguments ({@link JobArgumentsParser} reads them).
 *
 * @param runId the run the output belongs to, stamped on every row as {@code x_run_id}
 * @param tenantId the tenant, stamped as {@code x_tenant_id}
 * @param inputs the files to convert, each with its layout and (AWS, Azure) snapshot
 * @param history earlier runs' daily aggregates (Parquet files or directories) for the anomaly
 *     baselines
 * @param outputPrefix where the Parquet output and summary go: {@code focus/}, {@code rejects/},
 *     {@code daily/}, {@code anomalies/}, {@code summary/} under it
 * @param rules the tenant's cost allocation and the pipeline's anomaly settings
 * @param stateBackend heap or RocksDB keyed state
 * @param runtimeMode streaming (checkpointed) or batch
 * @param parallelism the job's default parallelism
 * @param checkpointInterval how often a streaming run checkpoints, which is when output commits
 * @param checkpointDir where checkpoints are kept, or null for the cluster's configured place
 */
public record JobArguments(
    String runId,
    String tenantId,
    List<InputFile> inputs,
    List<String> history,
    String outputPrefix,
    ProcessingRules rules,
    StateBackendKind stateBackend,
    RuntimeModeKind runtimeMode,
    int parallelism,
    Duration checkpointInterval,
    String checkpointDir) {

  public JobArguments {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(tenantId, "tenantId");
    inputs = List.copyOf(inputs);
    history = List.copyOf(history);
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(outputPrefix, "outputPrefix");
    Objects.requireNonNull(stateBackend, "stateBackend");
    Objects.requireNonNull(runtimeMode, "runtimeMode");
    Objects.requireNonNull(checkpointInterval, "checkpointInterval");
  }
}
