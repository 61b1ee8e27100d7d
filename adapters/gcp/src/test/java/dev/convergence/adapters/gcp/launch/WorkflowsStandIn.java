package dev.convergence.adapters.gcp.launch;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Workflows Executions REST API (there is no emulator): it answers {@code
 * executions.create} and records each request, or answers with a chosen error status.
 */
public final class WorkflowsStandIn implements AutoCloseable {

  /** One request as received, and when. */
  public record Request(String method, String path, String body, java.time.Instant received) {

    /** The execution's argument, parsed from the request body. */
    public JsonNode argument() {
      try {
        ObjectMapper json = new ObjectMapper();
        return json.readTree(json.readTree(body).get("argument").asText());
      } catch (IOException e) {
        throw new IllegalStateException("not an executions.create body: " + body, e);
      }
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger executions = new AtomicInteger();
  private volatile int status = 200;

  private WorkflowsStandIn(HttpServer server) {
    this.server = server;
  }

  public static WorkflowsStandIn start() throws IOException {
    WorkflowsStandIn standIn =
        new WorkflowsStandIn(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    standIn.server.createContext("/", standIn::answer);
    standIn.server.start();
    return standIn;
  }

  private void answer(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
    String path = exchange.getRequestURI().getPath();
    requests.add(new Request(exchange.getRequestMethod(), path, body, java.time.Instant.now()));
    String workflow = path.replaceFirst("^/v1/", "").replaceFirst("/executions$", "");
    byte[] answer =
        (status == 200
                ? "{\"name\":\""
                    + workflow
                    + "/executions/exec-"
                    + executions.incrementAndGet()
                    + "\",\"state\":\"ACTIVE\"}"
                : "{\"error\":{\"code\":"
                    + status
                    + ",\"message\":\"refused by the stand-in\",\"status\":\""
                    + (status == 403 ? "PERMISSION_DENIED" : "UNAVAILABLE")
                    + "\"}}")
            .getBytes(UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  /** From now on, answer every request with this HTTP status (200 to succeed). */
  public void answerWith(int httpStatus) {
    this.status = httpStatus;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
