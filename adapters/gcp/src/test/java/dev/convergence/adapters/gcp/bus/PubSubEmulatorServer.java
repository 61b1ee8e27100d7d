package dev.convergence.adapters.gcp.bus;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.cloud.pubsub.v1.stub.GrpcSubscriberStub;
import com.google.cloud.pubsub.v1.stub.SubscriberStub;
import com.google.cloud.pubsub.v1.stub.SubscriberStubSettings;
import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.PushConfig;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Pub/Sub emulator of the Google Cloud SDK, started for a test on a free local port with its
 * own empty SDK configuration, and stopped with everything it started. Also the admin and pull
 * calls tests need against it.
 */
public final class PubSubEmulatorServer implements AutoCloseable {

  public static final String PROJECT = "convergence-test";

  private static final Path LAUNCHER =
      Path.of("/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator");

  private final Process process;
  private final Path sdkConfig;
  private final String hostAndPort;
  private final PubSubEmulator emulator;

  private PubSubEmulatorServer(Process process, Path sdkConfig, String hostAndPort) {
    this.process = process;
    this.sdkConfig = sdkConfig;
    this.hostAndPort = hostAndPort;
    this.emulator = new PubSubEmulator(hostAndPort);
  }

  public static PubSubEmulatorServer start() throws IOException, InterruptedException {
    if (!Files.isExecutable(LAUNCHER)) {
      throw new IllegalStateException(
          "the Pub/Sub emulator is not installed at "
              + LAUNCHER
              + "; install the google-cloud-cli-pubsub-emulator package");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path sdkConfig = Files.createTempDirectory("pubsub-emulator-config");
    Path log = sdkConfig.resolve("emulator.log");
    ProcessBuilder builder =
        new ProcessBuilder(LAUNCHER.toString(), "--host=127.0.0.1", "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("CLOUDSDK_CONFIG", sdkConfig.toString());
    Process process = builder.start();
    String hostAndPort = "127.0.0.1:" + port;
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
    while (!accepts(port)) {
      if (!process.isAlive() || Instant.now().isAfter(giveUp)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "the Pub/Sub emulator did not start on " + hostAndPort + ":\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
    return new PubSubEmulatorServer(process, sdkConfig, hostAndPort);
  }

  private static boolean accepts(int port) {
    try (Socket ignored = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public String hostAndPort() {
    return hostAndPort;
  }

  public PubSubEventBus.PubSubConnection connection() {
    return emulator.connection();
  }

  private TransportChannelProvider channel() {
    return connection().channelProvider();
  }

  public void createTopic(String topic) throws IOException {
    try (TopicAdminClient admin =
        TopicAdminClient.create(
            TopicAdminSettings.newBuilder()
                .setTransportChannelProvider(channel())
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build())) {
      admin.createTopic(TopicName.of(PROJECT, topic));
    }
  }

  /** A pull subscription, or a push one when {@code pushEndpoint} is not null. */
  public void createSubscription(String subscription, String topic, String pushEndpoint)
      throws IOException {
    try (SubscriptionAdminClient admin =
        SubscriptionAdminClient.create(
            SubscriptionAdminSettings.newBuilder()
                .setTransportChannelProvider(channel())
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build())) {
      PushConfig push =
          pushEndpoint == null
              ? PushConfig.getDefaultInstance()
              : PushConfig.newBuilder().setPushEndpoint(pushEndpoint).build();
      admin.createSubscription(
          SubscriptionName.of(PROJECT, subscription), TopicName.of(PROJECT, topic), push, 60);
    }
  }

  /**
   * Pulls and acknowledges what is waiting on a pull subscription, until none comes for a while.
   */
  public List<PubsubMessage> drain(String subscription) throws IOException {
    List<PubsubMessage> messages = new ArrayList<>();
    try (SubscriberStub stub =
        GrpcSubscriberStub.create(
            SubscriberStubSettings.newBuilder()
                .setTransportChannelProvider(channel())
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build())) {
      String name = SubscriptionName.of(PROJECT, subscription).toString();
      int emptyPulls = 0;
      while (emptyPulls < 3) {
        List<ReceivedMessage> received =
            stub.pullCallable()
                .call(
                    PullRequest.newBuilder()
                        .setSubscription(name)
                        .setMaxMessages(1000)
                        .setReturnImmediately(true)
                        .build())
                .getReceivedMessagesList();
        if (received.isEmpty()) {
          emptyPulls++;
          continue;
        }
        emptyPulls = 0;
        List<String> acks = new ArrayList<>();
        for (ReceivedMessage message : received) {
          messages.add(message.getMessage());
          acks.add(message.getAckId());
        }
        stub.acknowledgeCallable()
            .call(AcknowledgeRequest.newBuilder().setSubscription(name).addAllAckIds(acks).build());
      }
    }
    return messages;
  }

  @Override
  public void close() throws IOException {
    emulator.close();
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try (var files = Files.walk(sdkConfig)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
