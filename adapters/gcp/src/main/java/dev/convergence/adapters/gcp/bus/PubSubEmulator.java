package dev.convergence.adapters.gcp.bus;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;

/**
 * A plaintext connection to the Pub/Sub emulator at {@code host:port}. The Java client does not
 * read {@code PUBSUB_EMULATOR_HOST} by itself: the settings read it at the edge and pass it here.
 */
public final class PubSubEmulator implements AutoCloseable {

  private final ManagedChannel channel;

  public PubSubEmulator(String hostAndPort) {
    this.channel = ManagedChannelBuilder.forTarget(hostAndPort).usePlaintext().build();
  }

  public PubSubEventBus.PubSubConnection connection() {
    return new PubSubEventBus.PubSubConnection(
        FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel)),
        NoCredentialsProvider.create());
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}
