package dev.convergence.stages.finalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convergence.core.ledger.RunState;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The message finalize publishes on {@code run-events} when a run ends. Finalize may send it more
 * than once (a retried task, the workflow's failure path after a failed finalize); every copy is
 * byte for byte the same, since each value comes from the ledger and the staged output, and carries
 * the same {@link #eventId()}, {@code <run id>:run-succeeded} or {@code <run id>:run-failed}, by
 * which a consumer drops the copies.
 *
 * @param failedStep for a failed run, the step it failed at, when known
 * @param error for a failed run, why
 * @param rows FOCUS rows published, or null when nothing was
 * @param billedCost their BilledCost total, or null when nothing was published
 * @param anomalies anomalies found, or null when nothing was published
 * @param finishedAt when the ledger recorded the final state
 */
public record RunEvent(
    String runId,
    String tenantId,
    String pipeline,
    Provider provider,
    BillingPeriod billingPeriod,
    RunState state,
    String failedStep,
    String error,
    Long rows,
    BigDecimal billedCost,
    Long anomalies,
    Instant finishedAt) {

  public RunEvent {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(billingPeriod, "billingPeriod");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }

  /** {@code run-succeeded}, {@code run-failed}, …: the event's type, and its id's suffix. */
  public String kind() {
    return "run-" + state.name().toLowerCase(java.util.Locale.ROOT);
  }

  public String eventId() {
    return runId + ":" + kind();
  }

  public byte[] json() {
    ObjectNode node = EventJson.object();
    node.put("run_id", runId);
    node.put("tenant_id", tenantId);
    node.put("pipeline", pipeline);
    node.put("provider", provider.wireName());
    node.put("billing_period", billingPeriod.toString());
    node.put("state", state.name());
    node.put("failed_step", failedStep);
    node.put("error", error);
    node.put("rows", rows);
    node.put("billed_cost", EventJson.amount(billedCost));
    node.put("anomalies", anomalies);
    node.put("finished_at", finishedAt.toString());
    node.put("event_id", eventId());
    return EventJson.bytes(node);
  }

  /** Pub/Sub attributes, for subscription filters and deduplication without parsing the body. */
  public Map<String, String> attributes() {
    return Map.of(
        "event_id", eventId(), "event_type", kind(), "tenant_id", tenantId, "run_id", runId);
  }
}
