package dev.convergence.adapters.embedded.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.store.StoredObject;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A separate process for {@link LocalDirectoryCrossProcessIT}: waits for a start file, tries once
 * to create {@code race.json}, then adds 1 to {@code counter.json} {@code increments} times by
 * compare-and-swap. Prints {@code won} or {@code lost} for the race.
 */
public final class CompareAndSwapWorker {

  private CompareAndSwapWorker() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int increments = Integer.parseInt(args[1]);
    ObjectStore store = new LocalDirectoryObjectStore(root);
    Path start = root.resolve("start");
    while (!Files.exists(start)) {
      Thread.onSpinWait();
    }
    boolean won =
        store
            .createIfAbsent("race.json", ProcessHandle.current().toString().getBytes(UTF_8))
            .isPresent();
    for (int i = 0; i < increments; i++) {
      while (true) {
        StoredObject current = store.read("counter.json").orElseThrow();
        int value = Integer.parseInt(current.contentAsUtf8());
        byte[] next = Integer.toString(value + 1).getBytes(UTF_8);
        if (store.replaceIfGeneration("counter.json", next, current.generation()).isPresent()) {
          break;
        }
      }
    }
    System.out.println(won ? "won" : "lost");
  }
}
