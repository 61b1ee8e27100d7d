package dev.convergence.adapters.gcp.bus;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.pubsub.v1.PubsubMessage;
import dev.convergence.core.bus.EventBusException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Pub/Sub event bus against the real emulator. */
class PubSubEventBusIT {

  private static PubSubEmulatorServer pubsub;
  private static PubSubEventBus bus;

  @BeforeAll
  static void start() throws Exception {
    pubsub = PubSubEmulatorServer.start();
    pubsub.createTopic("run-requests-rejected");
    pubsub.createSubscription("rejected-audit", "run-requests-rejected", null);
    bus =
        new PubSubEventBus(
            PubSubEmulatorServer.PROJECT, Optional.of(pubsub.connection()), Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() throws Exception {
    bus.close();
    pubsub.close();
  }

  @Test
  void aPublishedMessageArrivesWithItsDataAndAttributes() throws Exception {
    bus.publish(
        "run-requests-rejected",
        "{\"tenant_id\":\"acme\"".getBytes(UTF_8),
        Map.of("reason_code", "MALFORMED_JSON", "original_message_id", "42"));

    List<PubsubMessage> received = pubsub.drain("rejected-audit");

    assertThat(received).hasSize(1);
    assertThat(received.get(0).getData().toStringUtf8()).isEqualTo("{\"tenant_id\":\"acme\"");
    assertThat(received.get(0).getAttributesMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("reason_code", "MALFORMED_JSON", "original_message_id", "42"));
  }

  @Test
  void publishingToAMissingTopicFailsSoTheWorkIsRetried() {
    assertThatThrownBy(() -> bus.publish("no-such-topic", new byte[] {1}, Map.of()))
        .isInstanceOf(EventBusException.class)
        .hasMessageStartingWith("cannot publish to projects/convergence-test/topics/no-such-topic:")
        .hasMessageContaining("NOT_FOUND");
  }
}
