package dev.convergence.stages;

import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.staging.StagingLayout;
import java.util.Objects;
import java.util.Optional;

/**
 * Which run a stage works on: what the workflow passes each stage.
 *
 * @param source an object-store prefix to read instead of the tenant's landing prefix (the run
 *     request's {@code source}); it must lie under the landing prefix
 * @param billingExportTable for a Google Cloud pipeline whose source is the billing-export table in
 *     BigQuery, the table as {@code project.dataset.table}
 */
public record StageRequest(
    String runId,
    String tenantId,
    String pipeline,
    BillingPeriod billingPeriod,
    Optional<String> source,
    Optional<String> billingExportTable) {

  public StageRequest {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(billingPeriod, "billingPeriod");
    source = source == null ? Optional.empty() : source;
    billingExportTable = billingExportTable == null ? Optional.empty() : billingExportTable;
    try {
      StagingLayout.of(tenantId, runId);
    } catch (IllegalArgumentException e) {
      throw new StageException(StageError.INVALID_ARGUMENT, e.getMessage(), e);
    }
  }

  public static StageRequest of(
      String runId, String tenantId, String pipeline, BillingPeriod billingPeriod) {
    return new StageRequest(
        runId, tenantId, pipeline, billingPeriod, Optional.empty(), Optional.empty());
  }

  public StagingLayout layout() {
    return StagingLayout.of(tenantId, runId);
  }
}
