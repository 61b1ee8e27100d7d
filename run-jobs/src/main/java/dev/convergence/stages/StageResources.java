package dev.convergence.stages;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stage's graph opened and must close when the stage ends: the DuckDB file (held open and
 * locked until closed), Pub/Sub publishers (background threads that flush on shutdown). Dagger has
 * no lifecycle, so the providers that open them register them here and {@link StageMain} closes
 * them, newest first, however the stage ended. A stage run in a longer-lived JVM (the local
 * pipeline) then leaves nothing open behind it.
 */
@Singleton
public final class StageResources implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StageResources.class);

  private final Deque<AutoCloseable> open = new ArrayDeque<>();

  @Inject
  public StageResources() {}

  /** Registers {@code resource} to be closed when the stage ends; returns it. */
  public synchronized <T extends AutoCloseable> T register(T resource) {
    open.push(resource);
    return resource;
  }

  @Override
  public synchronized void close() {
    while (!open.isEmpty()) {
      AutoCloseable resource = open.pop();
      try {
        resource.close();
      } catch (Exception e) {
        log.warn("Could not close {}: {}", resource, e.toString());
      }
    }
  }
}
