package dev.convergence.functions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.convergence.core.intake.RequestMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * The data of a Pub/Sub {@code google.cloud.pubsub.topic.v1.messagePublished} CloudEvent: the
 * message (base64 data, attributes, id, publish time) and the subscription that delivered it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PubSubPush(Message message, String subscription) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Message(
      String data, Map<String, String> attributes, String messageId, String publishTime) {}

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** Reads the event data; throws {@link IllegalArgumentException} saying what is missing. */
  static RequestMessage decode(byte[] eventData) {
    PubSubPush push;
    try {
      push = JSON.readValue(eventData, PubSubPush.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the event is not a Pub/Sub messagePublished event: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("the event data cannot be read: " + e.getMessage(), e);
    }
    if (push == null || push.message() == null || push.message().messageId() == null) {
      throw new IllegalArgumentException(
          "the event is not a Pub/Sub messagePublished event: it has no message.messageId");
    }
    Message message = push.message();
    byte[] data = message.data() == null ? new byte[0] : Base64.getDecoder().decode(message.data());
    return new RequestMessage(
        data,
        message.attributes() == null ? Map.of() : message.attributes(),
        message.messageId(),
        message.publishTime() == null ? Instant.EPOCH : Instant.parse(message.publishTime()));
  }
}
