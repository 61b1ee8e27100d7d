package dev.convergence.stages.finalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convergence.core.request.BillingPeriod;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The message finalize publishes on {@code cost-anomalies} for one anomaly of a succeeded run: a
 * row of the staged {@code output/anomalies/} Parquet, with the run it came from. Its {@link
 * #eventId()} is {@code <run id>:anomaly-<digest>}, the digest of what identifies the anomaly in
 * the run (provider, billing account, sub-account, service, currency, charge day), so every copy of
 * the same anomaly has the same id, whatever order the part files are read in.
 *
 * @param values the Parquet row's columns as text ({@code focus}'s {@code ParquetTextTable}), by
 *     name; a missing column is null
 */
public record AnomalyEvent(
    String runId,
    String tenantId,
    String pipeline,
    BillingPeriod billingPeriod,
    Map<String, String> values) {

  /** The columns that identify an anomaly within a run. */
  static final List<String> IDENTITY =
      List.of(
          "provider",
          "billing_account_id",
          "sub_account_id",
          "service_name",
          "billing_currency",
          "charge_day");

  private static final List<String> AMOUNTS =
      List.of("effective_cost", "baseline_median", "expected_low", "expected_high", "score");

  public AnomalyEvent {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(billingPeriod, "billingPeriod");
    values = Collections.unmodifiableMap(new HashMap<>(values));
  }

  public String eventId() {
    return runId + ":anomaly-" + EventJson.digest(IDENTITY.stream().map(values::get).toList());
  }

  public byte[] json() {
    ObjectNode node = EventJson.object();
    node.put("run_id", runId);
    node.put("tenant_id", tenantId);
    node.put("pipeline", pipeline);
    node.put("billing_period", billingPeriod.toString());
    for (String column : IDENTITY) {
      node.put(column, values.get(column));
    }
    for (String column : AMOUNTS) {
      node.put(column, EventJson.amount(values.get(column)));
    }
    String days = values.get("baseline_days");
    node.put("baseline_days", days == null ? null : Long.valueOf(days));
    node.put("severity", values.get("severity"));
    node.put("event_id", eventId());
    return EventJson.bytes(node);
  }

  /** Pub/Sub attributes: the severity lets a subscription take only the high ones. */
  public Map<String, String> attributes() {
    return Map.of(
        "event_id",
        eventId(),
        "event_type",
        "cost-anomaly",
        "tenant_id",
        tenantId,
        "run_id",
        runId,
        "severity",
        String.valueOf(values.get("severity")));
  }
}
