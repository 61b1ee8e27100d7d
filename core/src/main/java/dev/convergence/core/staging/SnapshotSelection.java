package dev.convergence.core.staging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * Which delivery of a snapshot provider (AWS, Azure) a run reads. Each delivery restates the whole
 * month so far, so reading two would count their common rows twice: the newest is read and the
 * others are listed as superseded.
 *
 * @param id the chosen delivery's instant, ISO-8601 UTC; the objects' {@code snapshot_id}
 * @param deliveryId the provider's own name for the chosen delivery (AWS assembly or execution id,
 *     Azure run id)
 */
public record SnapshotSelection(String id, String deliveryId, List<SupersededSnapshot> superseded) {

  public SnapshotSelection {
    requireInstant(id, "snapshot.id");
    Objects.requireNonNull(deliveryId, "deliveryId");
    superseded = superseded == null ? List.of() : List.copyOf(superseded);
  }

  static void requireInstant(String value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + ": is required");
    }
    try {
      Instant parsed = Instant.parse(value);
      if (!parsed.toString().equals(value)) {
        throw new IllegalArgumentException(
            field + ": must be an instant as Instant.toString() writes it; got '" + value + "'");
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field
              + ": must be an ISO-8601 UTC instant such as 2026-10-20T06:00:00Z; got '"
              + value
              + "'",
          e);
    }
  }
}
