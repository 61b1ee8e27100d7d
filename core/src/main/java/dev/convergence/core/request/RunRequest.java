package dev.convergence.core.request;

import java.util.Objects;
import java.util.Optional;

/**
 * The message that starts a run: one tenant's data for one pipeline and one billing period.
 *
 * @param source an object-store key prefix to read instead of the tenant's landing prefix; it must
 *     lie under that landing prefix
 * @param requestId the idempotency key: the same tenant, pipeline, period and request id always
 *     name the same run
 */
public record RunRequest(
    String tenantId,
    String pipeline,
    BillingPeriod billingPeriod,
    Trigger trigger,
    Optional<String> source,
    Optional<String> requestId,
    RunOptions options) {

  public RunRequest {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(billingPeriod, "billingPeriod");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(options, "options");
  }

  /**
   * This request with {@code requestId} as its idempotency key if it carries none. Intake edges
   * call it with an id the transport gives for the delivery (a Pub/Sub message id), so that a
   * redelivered message still names the same run.
   */
  public RunRequest withRequestIdIfAbsent(String fallbackRequestId) {
    if (requestId.isPresent()) {
      return this;
    }
    return new RunRequest(
        tenantId,
        pipeline,
        billingPeriod,
        trigger,
        source,
        Optional.of(fallbackRequestId),
        options);
  }
}
