package dev.convergence.core.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.request.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run as the ledger keeps it: what was asked, where it is, and every state it went through.
 *
 * @param deadline when a run still not finished is reaped as failed
 * @param source the key prefix to read, or null for the tenant's landing prefix
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(
    String runId,
    String tenantId,
    String pipeline,
    BillingPeriod billingPeriod,
    String requestId,
    Trigger trigger,
    String source,
    boolean dryRun,
    RunState state,
    Instant deadline,
    List<StateChange> history) {

  public RunRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(billingPeriod, "billingPeriod");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(deadline, "deadline");
    history = List.copyOf(history);
  }

  public Instant acceptedAt() {
    return history.get(0).at();
  }

  public boolean isTerminal() {
    return state.isTerminal();
  }

  /** This run moved to {@code next} at {@code at} for {@code reason}. */
  RunRecord movedTo(RunState next, Instant at, String reason) {
    List<StateChange> changes = new ArrayList<>(history);
    changes.add(new StateChange(next, at, reason));
    return new RunRecord(
        runId,
        tenantId,
        pipeline,
        billingPeriod,
        requestId,
        trigger,
        source,
        dryRun,
        next,
        deadline,
        changes);
  }
}
