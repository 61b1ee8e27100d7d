package dev.convergence.flink.operators;

import java.util.Objects;

/**
 * Tells {@link NewestSnapshot} that rows of the newest delivery exist for a restatement key
 * (provider × billing account × billing period): those rows never wait in state, so this is how the
 * key learns that every older snapshot of it is superseded.
 */
public record SnapshotSeen(String key, String snapshotId) {

  public SnapshotSeen {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(snapshotId, "snapshotId");
  }
}
