package dev.convergence.stages.ingest;

import dev.convergence.core.staging.SnapshotSelection;
import java.util.List;

/**
 * What a {@link SourceSelector} chose: the objects the run reads and, for snapshot providers, which
 * delivery they are and which deliveries were left out.
 */
record SelectedSource(List<SourceObject> objects, SnapshotSelection snapshot) {

  SelectedSource {
    objects = List.copyOf(objects);
  }
}
