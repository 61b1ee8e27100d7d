package dev.convergence.functions;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A function served by the real Functions Framework invoker, in its own process, on a free local
 * port, with the function's classes and runtime classpath as the build wrote them.
 */
final class InvokerProcess implements AutoCloseable {

  /** {@code target/invoker}, found from where these test classes were loaded. */
  private static final Path TARGET = target();

  private static final Path INVOKER_DIR = TARGET.resolve("invoker");

  private static Path target() {
    try {
      return Path.of(
              InvokerProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .getParent();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private final Process process;
  private final int port;
  private final Path log;
  private final Duration startup;

  private InvokerProcess(Process process, int port, Path log, Duration startup) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.startup = startup;
  }

  /** Starts {@code target} with {@code environment}; returns once it accepts connections. */
  static InvokerProcess start(Class<?> target, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path jar = INVOKER_DIR.resolve("java-function-invoker.jar");
    Path classpath = INVOKER_DIR.resolve("function.classpath");
    if (!Files.exists(jar) || !Files.exists(classpath)) {
      throw new IllegalStateException(
          "run through 'mvn verify': the build copies the invoker to " + INVOKER_DIR);
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = Files.createTempFile("invoker-" + target.getSimpleName(), ".log");
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java,
                    "-jar",
                    jar.toString(),
                    "--classpath",
                    TARGET.resolve("classes") + ":" + Files.readString(classpath).trim(),
                    "--target",
                    target.getName(),
                    "--port",
                    Integer.toString(port)))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Instant began = Instant.now();
    Process process = builder.start();
    Instant giveUp = began.plus(Duration.ofSeconds(60));
    while (!accepts(port)) {
      if (!process.isAlive() || Instant.now().isAfter(giveUp)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "the invoker did not start "
                + target.getName()
                + " (classes in "
                + TARGET.resolve("classes")
                + "):\n"
                + Files.readString(log));
      }
      Thread.sleep(50);
    }
    return new InvokerProcess(process, port, log, Duration.between(began, Instant.now()));
  }

  private static boolean accepts(int port) {
    try (Socket ignored = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** From process start to accepting connections. */
  Duration startup() {
    return startup;
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
