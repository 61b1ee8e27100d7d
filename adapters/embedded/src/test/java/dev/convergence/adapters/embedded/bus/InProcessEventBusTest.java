package dev.convergence.adapters.embedded.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.adapters.embedded.bus.InProcessEventBus.Message;
import dev.convergence.core.bus.EventBusException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InProcessEventBusTest {

  private final InProcessEventBus bus = new InProcessEventBus();

  private void publish(String topic, String text) {
    bus.publish(topic, text.getBytes(StandardCharsets.UTF_8), Map.of("k", text));
  }

  @Test
  void subscribersReceiveTheirTopicsMessagesSynchronouslyAndInOrder() throws Exception {
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    List<String> other = new ArrayList<>();
    bus.subscribe("run-events", m -> first.add(m.text()));
    bus.subscribe("run-events", m -> second.add(m.text() + " " + m.attributes().get("k")));
    bus.subscribe("cost-anomalies", m -> other.add(m.text()));

    publish("run-events", "a");
    assertThat(first).containsExactly("a");
    publish("run-events", "b");
    publish("cost-anomalies", "c");

    assertThat(first).containsExactly("a", "b");
    assertThat(second).containsExactly("a a", "b b");
    assertThat(other).containsExactly("c");
    assertThat(bus.published("run-events")).extracting(Message::text).containsExactly("a", "b");
    assertThat(bus.published("nobody")).isEmpty();
  }

  @Test
  void aSubscribersFailureIsThePublishersAndTheMessageIsNotCountedAsPublished() {
    int[] refusals = {1};
    List<String> after = new ArrayList<>();
    bus.subscribe(
        "run-events",
        m -> {
          if (refusals[0]-- > 0) {
            throw new IllegalStateException("dashboard down");
          }
        });
    bus.subscribe("run-events", m -> after.add(m.text()));

    assertThatThrownBy(() -> publish("run-events", "a"))
        .isInstanceOf(EventBusException.class)
        .hasMessage("a subscriber of topic run-events refused the message: dashboard down")
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(after).isEmpty();
    assertThat(bus.published("run-events")).isEmpty();

    publish("run-events", "a");
    assertThat(after).containsExactly("a");
    assertThat(bus.published("run-events")).extracting(Message::text).containsExactly("a");
  }

  @Test
  void anUnsubscribedSubscriberHearsNothingMore() throws Exception {
    List<String> heard = new ArrayList<>();
    AutoCloseable subscription = bus.subscribe("t1", m -> heard.add(m.text()));
    publish("t1", "a");
    subscription.close();
    publish("t1", "b");

    assertThat(heard).containsExactly("a");
  }

  @Test
  void aSubscriberMayPublishAndMessagesAreCopies() {
    bus.subscribe("first", m -> publish("second", m.text() + "!"));
    byte[] data = "x".getBytes(StandardCharsets.UTF_8);
    bus.publish("first", data, Map.of());
    data[0] = 'y';

    assertThat(bus.published("first")).extracting(Message::text).containsExactly("x");
    assertThat(bus.published("second")).extracting(Message::text).containsExactly("x!");
  }
}
