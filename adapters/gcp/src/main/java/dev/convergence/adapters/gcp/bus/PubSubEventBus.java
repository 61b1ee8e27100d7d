package dev.convergence.adapters.gcp.bus;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.TopicName;
import dev.convergence.core.bus.EventBus;
import dev.convergence.core.bus.EventBusException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The event bus on Pub/Sub: one publisher per topic, built on first use, and each publish waited
 * for, so a message the service did not accept fails the work that sent it.
 */
public final class PubSubEventBus implements EventBus, AutoCloseable {

  private final String projectId;
  private final Optional<PubSubConnection> connection;
  private final Duration timeout;
  private final ConcurrentMap<String, Publisher> publishers = new ConcurrentHashMap<>();

  /**
   * @param connection how to reach Pub/Sub when not the default (the emulator); empty for the
   *     service itself, with application default credentials
   */
  public PubSubEventBus(String projectId, Optional<PubSubConnection> connection, Duration timeout) {
    this.projectId = projectId;
    this.connection = connection;
    this.timeout = timeout;
  }

  @Override
  public void publish(String topic, byte[] data, Map<String, String> attributes) {
    PubsubMessage message =
        PubsubMessage.newBuilder()
            .setData(ByteString.copyFrom(data))
            .putAllAttributes(attributes)
            .build();
    String name = TopicName.of(projectId, topic).toString();
    try {
      publisher(topic).publish(message).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new EventBusException("cannot publish to " + name + ": " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new EventBusException("cannot publish to " + name + ": no answer within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EventBusException("interrupted while publishing to " + name, e);
    }
  }

  private Publisher publisher(String topic) {
    return publishers.computeIfAbsent(
        topic,
        id -> {
          Publisher.Builder builder = Publisher.newBuilder(TopicName.of(projectId, id));
          connection.ifPresent(
              c ->
                  builder
                      .setChannelProvider(c.channelProvider())
                      .setCredentialsProvider(c.credentialsProvider()));
          try {
            return builder.build();
          } catch (IOException e) {
            throw new EventBusException("cannot create a publisher for topic " + id, e);
          }
        });
  }

  @Override
  public void close() {
    try {
      for (Publisher publisher : publishers.values()) {
        publisher.shutdown();
        publisher.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      publishers.clear();
    }
  }

  /** A non-default way to reach Pub/Sub: its channel and credentials. */
  public record PubSubConnection(
      TransportChannelProvider channelProvider, CredentialsProvider credentialsProvider) {}
}
