package dev.convergence.adapters.embedded.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs on one directory, as the CLI and a stage running side by side would be: the store's
 * conditional writes must hold between processes, not only between threads.
 */
class LocalDirectoryCrossProcessIT {

  private static final int PROCESSES = 3;
  private static final int INCREMENTS = 150;

  @TempDir Path root;

  @Test
  void processesSharingADirectoryLoseNoUpdateAndHaveOneCreator() throws Exception {
    new LocalDirectoryObjectStore(root).put("counter.json", "0".getBytes(UTF_8));
    String java = ProcessHandle.current().info().command().orElse("java");
    List<Process> workers = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      workers.add(
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  CompareAndSwapWorker.class.getName(),
                  root.toString(),
                  Integer.toString(INCREMENTS))
              .redirectErrorStream(true)
              .start());
    }
    Files.createFile(root.resolve("start"));

    List<String> outcomes = new ArrayList<>();
    for (Process worker : workers) {
      assertThat(worker.waitFor(120, TimeUnit.SECONDS)).as("worker finished").isTrue();
      String output = new String(worker.getInputStream().readAllBytes(), UTF_8).trim();
      assertThat(worker.exitValue()).as(output).isZero();
      outcomes.add(output);
    }

    assertThat(outcomes).containsOnly("won", "lost");
    assertThat(outcomes).filteredOn("won"::equals).hasSize(1);
    assertThat(
            new LocalDirectoryObjectStore(root).read("counter.json").orElseThrow().contentAsUtf8())
        .isEqualTo(Integer.toString(PROCESSES * INCREMENTS));
  }
}
