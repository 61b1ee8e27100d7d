package dev.convergence.core.store;

import java.time.Instant;
import java.util.Objects;

/** An object's metadata: key, size in bytes, generation and when that generation was written. */
public record ObjectInfo(String key, long size, long generation, Instant updated) {

  public ObjectInfo {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(updated, "updated");
  }
}
