package dev.convergence.stages.ingest;

import dev.convergence.core.store.ObjectInfo;
import java.util.Objects;

/** A source object chosen for the run, with the delivery (snapshot) it belongs to, if any. */
record SourceObject(ObjectInfo info, String snapshotId) {

  SourceObject {
    Objects.requireNonNull(info, "info");
  }

  String key() {
    return info.key();
  }
}
