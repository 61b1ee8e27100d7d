package dev.convergence.core.bus;

import java.util.Map;

/**
 * Publishes messages to named topics: Pub/Sub in the cloud, an in-process bus on one machine. A
 * publish that cannot be confirmed throws {@link EventBusException}, so the work that wanted to
 * publish is retried rather than lost.
 */
public interface EventBus {

  /** Publishes one message and waits until the bus has accepted it. */
  void publish(String topic, byte[] data, Map<String, String> attributes);
}
