package dev.convergence.adapters.embedded.bus;

import dev.convergence.core.bus.EventBus;
import dev.convergence.core.bus.EventBusException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The event bus on one machine: topics live in this process, and a publish hands the message to
 * every subscriber of its topic, synchronously and in subscription order, before it returns. So a
 * local run (the CLI, the demo) sees its run and anomaly events at once, in the order they were
 * sent, with no broker to start.
 *
 * <p>It keeps Pub/Sub's contract where it matters to a publisher: a message a subscriber could not
 * take is a failed publish ({@link EventBusException}, with the subscriber's exception as its
 * cause), so the publishing stage fails and is retried, and the message is sent again, to every
 * subscriber: at-least-once, as with Pub/Sub's redelivery. Only messages every subscriber took are
 * kept in {@link #published(String)}, which is how a local run reports what it sent.
 *
 * <p>Publishes are serialised, so subscribers see one message at a time in one global order; a
 * subscriber may publish from within its callback (delivery is re-entrant on the same thread).
 */
public final class InProcessEventBus implements EventBus {

  /** One message as published: its topic, body and attributes. */
  public record Message(String topic, byte[] data, Map<String, String> attributes) {

    public Message {
      Objects.requireNonNull(topic, "topic");
      data = data.clone();
      attributes = Map.copyOf(attributes);
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    /** The body as UTF-8 text (the events are JSON). */
    public String text() {
      return new String(data, StandardCharsets.UTF_8);
    }
  }

  /** Receives the messages of a topic; throwing refuses the message, failing its publish. */
  @FunctionalInterface
  public interface Subscriber {
    void receive(Message message);
  }

  private final Map<String, List<Subscriber>> subscribers = new LinkedHashMap<>();
  private final Map<String, List<Message>> published = new LinkedHashMap<>();

  /**
   * Adds {@code subscriber} to {@code topic}; it receives every message published after this call.
   * Returns a handle that removes it again.
   */
  public synchronized AutoCloseable subscribe(String topic, Subscriber subscriber) {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(subscriber, "subscriber");
    subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(subscriber);
    return () -> unsubscribe(topic, subscriber);
  }

  private synchronized void unsubscribe(String topic, Subscriber subscriber) {
    List<Subscriber> list = subscribers.get(topic);
    if (list != null) {
      list.remove(subscriber);
    }
  }

  @Override
  public synchronized void publish(String topic, byte[] data, Map<String, String> attributes) {
    Message message = new Message(topic, data, attributes);
    for (Subscriber subscriber : subscribers.getOrDefault(topic, List.of())) {
      try {
        subscriber.receive(message);
      } catch (RuntimeException e) {
        throw new EventBusException(
            "a subscriber of topic " + topic + " refused the message: " + e.getMessage(), e);
      }
    }
    published.computeIfAbsent(topic, t -> new ArrayList<>()).add(message);
  }

  /** Every message published to {@code topic} that its subscribers took, oldest first. */
  public synchronized List<Message> published(String topic) {
    return List.copyOf(published.getOrDefault(topic, List.of()));
  }
}
