package dev.convergence.core.staging;

import java.util.List;
import java.util.Objects;

/**
 * An older delivery of the same billing period, left out of the run because a newer one restates
 * it. Listed in the manifest so a person can see what was not read, and why.
 *
 * @param id the delivery instant, ISO-8601 UTC
 * @param deliveryId the provider's own name for the delivery (AWS assembly id, Azure run id), or
 *     the folder it sits in when the provider names none
 * @param keys the source objects of that delivery
 */
public record SupersededSnapshot(String id, String deliveryId, List<String> keys) {

  public SupersededSnapshot {
    SnapshotSelection.requireInstant(id, "superseded.id");
    Objects.requireNonNull(deliveryId, "deliveryId");
    keys = List.copyOf(keys);
  }
}
