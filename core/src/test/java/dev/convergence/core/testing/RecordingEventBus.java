package dev.convergence.core.testing;

import dev.convergence.core.bus.EventBus;
import dev.convergence.core.bus.EventBusException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An event bus that keeps what was published, and can be made to refuse publishes. */
public final class RecordingEventBus implements EventBus {

  /** One published message. */
  public record Published(String topic, byte[] data, Map<String, String> attributes) {}

  private final List<Published> published = new CopyOnWriteArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();

  /** The next {@code times} publishes fail. */
  public void failNext(int times) {
    failures.set(times);
  }

  @Override
  public void publish(String topic, byte[] data, Map<String, String> attributes) {
    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new EventBusException("injected failure publishing to " + topic, null);
    }
    published.add(new Published(topic, data.clone(), Map.copyOf(attributes)));
  }

  public List<Published> published() {
    return List.copyOf(published);
  }

  public List<Published> on(String topic) {
    return published.stream().filter(p -> p.topic().equals(topic)).toList();
  }
}
