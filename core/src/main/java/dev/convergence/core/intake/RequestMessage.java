package dev.convergence.core.intake;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A run request as delivered: the payload, the message attributes, the transport's id for the
 * message (the idempotency key when the payload has no request id) and when it was published.
 */
public record RequestMessage(
    byte[] data, Map<String, String> attributes, String messageId, Instant publishTime) {

  public RequestMessage {
    Objects.requireNonNull(data, "data");
    attributes = Map.copyOf(attributes);
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(publishTime, "publishTime");
  }
}
