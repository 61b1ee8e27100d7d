package dev.convergence.stages;

import java.util.Objects;

/**
 * Where a stage's dependencies are, read once at the edge.
 *
 * @param config the configuration directory: a local path or {@code gs://BUCKET/PREFIX/}
 * @param store the object store: a local directory or {@code gs://BUCKET}
 */
public record StageSettings(String config, String store) {

  public StageSettings {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(store, "store");
  }

  public boolean cloudStore() {
    return store.startsWith("gs://");
  }

  /** The bucket of a {@code gs://} store. */
  public String bucket() {
    return store.substring("gs://".length()).replaceAll("/+$", "");
  }
}
