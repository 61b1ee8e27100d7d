package dev.convergence.flink.operators;

import dev.convergence.core.provider.Provider;
import dev.convergence.flink.parquet.Decimals;
import dev.convergence.focus.Reject;
import dev.convergence.focus.RejectReason;
import java.math.BigDecimal;
import java.util.List;

/**
 * A source record that could not be converted, as the rejects output holds it: the reader's {@link
 * Reject} with the run, provider and snapshot it came from. {@code rawCost} is the record's cost
 * when it could be read.
 */
public record RejectedRecord(
    String xTenantId,
    String xRunId,
    Provider xProvider,
    String xSourceFile,
    long xSourceLine,
    String xSnapshotId,
    RejectReason reason,
    String message,
    BigDecimal rawCost) {

  /** The Parquet column names, in component order. */
  public static final List<String> COLUMNS =
      List.of(
          "x_tenant_id",
          "x_run_id",
          "x_provider",
          "x_source_file",
          "x_source_line",
          "x_snapshot_id",
          "reason",
          "message",
          "raw_cost");

  static RejectedRecord of(
      Reject reject, String tenantId, String runId, Provider provider, String snapshotId) {
    return new RejectedRecord(
        tenantId,
        runId,
        provider,
        reject.sourceFile(),
        reject.line(),
        snapshotId,
        reject.reason(),
        reject.message(),
        Decimals.fittingOrNull(reject.rawCost()));
  }
}
