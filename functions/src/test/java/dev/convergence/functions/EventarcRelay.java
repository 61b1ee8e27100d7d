package dev.convergence.functions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Does for tests what Eventarc does in the cloud: receives the Pub/Sub emulator's push and hands it
 * to the function as a {@code google.cloud.pubsub.topic.v1.messagePublished} CloudEvent (binary
 * mode, the push body as its data, the topic as its source), answering with the function's status
 * so that a failure makes the emulator redeliver. The Java Functions Framework cannot take the
 * emulator's push body itself (functions-framework-java issue 375: it carries no topic).
 */
final class EventarcRelay implements AutoCloseable {

  private final HttpServer server;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI function;
  private final String topic;
  private final AtomicInteger succeeded = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();

  private EventarcRelay(HttpServer server, URI function, String topic) {
    this.server = server;
    this.function = function;
    this.topic = topic;
  }

  /** Relays pushes to the function at {@code function}, as events from topic {@code topic}. */
  static EventarcRelay start(URI function, String topic) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(8));
    EventarcRelay relay = new EventarcRelay(server, function, topic);
    server.createContext("/", relay::relay);
    server.start();
    return relay;
  }

  String pushEndpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void relay(HttpExchange push) throws IOException {
    byte[] body = push.getRequestBody().readAllBytes();
    int status;
    try {
      HttpResponse<Void> answer =
          client.send(
              HttpRequest.newBuilder(function)
                  .timeout(Duration.ofSeconds(60))
                  .header("ce-specversion", "1.0")
                  .header("ce-id", UUID.randomUUID().toString())
                  .header("ce-source", "//pubsub.googleapis.com/" + topic)
                  .header("ce-type", "google.cloud.pubsub.topic.v1.messagePublished")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      status = answer.statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 503;
    } catch (IOException e) {
      status = 503;
    }
    (status >= 200 && status < 300 ? succeeded : failed).incrementAndGet();
    push.sendResponseHeaders(status, -1);
    push.close();
  }

  /** Deliveries the function answered with success. */
  int succeeded() {
    return succeeded.get();
  }

  /** Deliveries the function failed (each redelivered by Pub/Sub). */
  int failed() {
    return failed.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
