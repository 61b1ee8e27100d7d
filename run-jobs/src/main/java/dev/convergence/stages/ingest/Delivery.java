package dev.convergence.stages.ingest;

import dev.convergence.core.staging.SnapshotSelection;
import dev.convergence.core.staging.SupersededSnapshot;
import dev.convergence.core.store.ObjectInfo;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One delivery of a snapshot provider: a complete month-to-date restatement, its delivery instant
 * and the provider's name for it, and its data objects.
 */
record Delivery(Instant deliveredAt, String deliveryId, List<ObjectInfo> files) {

  Delivery {
    files = List.copyOf(files);
  }

  /** The newest of {@code deliveries} (ties by delivery id), with the others as superseded. */
  static SelectedSource newest(List<Delivery> deliveries) {
    Comparator<Delivery> order =
        Comparator.comparing(Delivery::deliveredAt).thenComparing(Delivery::deliveryId);
    Delivery chosen = deliveries.stream().max(order).orElseThrow();
    return chosen(chosen, deliveries.stream().filter(d -> d != chosen).sorted(order).toList());
  }

  static SelectedSource chosen(Delivery chosen, List<Delivery> others) {
    String id = chosen.deliveredAt().toString();
    List<SupersededSnapshot> superseded =
        others.stream()
            .map(
                d ->
                    new SupersededSnapshot(
                        d.deliveredAt().toString(),
                        d.deliveryId(),
                        d.files().stream().map(ObjectInfo::key).toList()))
            .toList();
    return new SelectedSource(
        chosen.files().stream().map(f -> new SourceObject(f, id)).toList(),
        new SnapshotSelection(id, chosen.deliveryId(), superseded));
  }

  /** The latest write among {@code files}: the delivery time when the provider names none. */
  static Instant latest(List<ObjectInfo> files) {
    return files.stream().map(ObjectInfo::updated).max(Comparator.naturalOrder()).orElseThrow();
  }
}
