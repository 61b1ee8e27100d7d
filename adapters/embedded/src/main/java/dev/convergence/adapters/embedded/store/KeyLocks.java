package dev.convergence.adapters.embedded.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mutual exclusion per object key, across the threads of this process and across processes sharing
 * the directory. Keys hash onto a fixed number of stripes; each stripe is a lock file (an OS file
 * lock, for other processes) guarded by an in-process lock (the JVM allows one file lock per file
 * per process, so threads must queue before it).
 */
final class KeyLocks {

  private static final int STRIPES = 64;

  /** One set of in-process locks per lock directory, shared by every store opened on it. */
  private static final ConcurrentMap<Path, ReentrantLock[]> IN_PROCESS = new ConcurrentHashMap<>();

  @FunctionalInterface
  interface Critical<T> {
    T run() throws IOException;
  }

  private final Path directory;
  private final ReentrantLock[] stripes;

  private KeyLocks(Path directory, ReentrantLock[] stripes) {
    this.directory = directory;
    this.stripes = stripes;
  }

  static KeyLocks forDirectory(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path canonical = directory.toRealPath();
    ReentrantLock[] stripes =
        IN_PROCESS.computeIfAbsent(
            canonical,
            path -> {
              ReentrantLock[] locks = new ReentrantLock[STRIPES];
              for (int i = 0; i < STRIPES; i++) {
                locks[i] = new ReentrantLock();
              }
              return locks;
            });
    return new KeyLocks(canonical, stripes);
  }

  <T> T underLock(String key, Critical<T> critical) throws IOException {
    int stripe = Math.floorMod(key.hashCode(), STRIPES);
    ReentrantLock inProcess = stripes[stripe];
    inProcess.lock();
    try (FileChannel channel =
            FileChannel.open(
                directory.resolve("stripe-" + stripe + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      return critical.run();
    } finally {
      inProcess.unlock();
    }
  }
}
