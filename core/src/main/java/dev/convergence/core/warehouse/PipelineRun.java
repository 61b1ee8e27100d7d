package dev.convergence.core.warehouse;

import dev.convergence.core.ledger.RunState;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A run as {@code pipeline_runs} shows it: one row per run, written again (upserted by {@code
 * runId}) each time the run moves on, so a person or a dashboard sees every run's latest state and
 * outcome in one table. The run ledger stays the source of truth; this is its reporting copy.
 *
 * <p>Instants are kept to the microsecond, the finest both warehouses store, so what is read back
 * equals what was written. The outcome fields are null until the step that knows them has run.
 *
 * @param focusRows FOCUS rows published
 * @param billedCost their summed BilledCost, exact
 * @param rejectedRows source records that could not be converted
 * @param anomalies cost anomalies found
 * @param errorStep the step that failed, for a failed run
 * @param errorMessage why it failed
 */
public record PipelineRun(
    String runId,
    String tenantId,
    Provider provider,
    String pipeline,
    BillingPeriod billingPeriod,
    RunState state,
    Instant startedAt,
    Instant finishedAt,
    Long focusRows,
    BigDecimal billedCost,
    Long rejectedRows,
    DqOutcome dqOutcome,
    Long anomalies,
    String errorStep,
    String errorMessage) {

  public PipelineRun {
    Objects.requireNonNull(runId, "runId");
    WarehouseTables.checkTenantId(tenantId);
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(billingPeriod, "billingPeriod");
    Objects.requireNonNull(state, "state");
    startedAt = micros(Objects.requireNonNull(startedAt, "startedAt"));
    finishedAt = finishedAt == null ? null : micros(finishedAt);
    if (finishedAt != null && finishedAt.isBefore(startedAt)) {
      throw new IllegalArgumentException(
          "finished_at: " + finishedAt + " is before started_at " + startedAt);
    }
    billedCost = billedCost == null ? null : Decimals.atWarehouseScale(billedCost, "billed_cost");
  }

  /** A run that has started and has no outcome yet. */
  public static PipelineRun started(
      String runId,
      String tenantId,
      Provider provider,
      String pipeline,
      BillingPeriod billingPeriod,
      Instant startedAt) {
    return new PipelineRun(
        runId,
        tenantId,
        provider,
        pipeline,
        billingPeriod,
        RunState.RUNNING,
        startedAt,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
