package dev.convergence.core.ledger;

import dev.convergence.core.store.ObjectInfo;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.store.StoredObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's concurrency slots: objects {@code 0.json} to {@code (limit-1).json}, each taken by
 * creating it (create-if-absent, so two admissions never take one slot) and freed by deleting it at
 * the generation it was read at (so a slot taken again meanwhile is never freed by mistake).
 */
final class ConcurrencySlots {

  /** A taken slot as read: its key, generation and holder. */
  record HeldSlot(String tenantId, String key, long generation, SlotHolder holder) {}

  private final ObjectStore store;
  private final LedgerKeys keys;

  ConcurrencySlots(ObjectStore store, LedgerKeys keys) {
    this.store = store;
    this.keys = keys;
  }

  /**
   * Takes a free slot below {@code limit} for {@code runId}; empty when none is free. One listing
   * finds the free slots, so a nearly full tenant costs one create, not one per taken slot (each a
   * round trip on Cloud Storage); a slot taken between the listing and the create is skipped.
   */
  Optional<String> takeFree(String tenantId, int limit, String runId, Instant now) {
    Set<String> taken = new HashSet<>();
    for (ObjectInfo info : store.list(keys.slots(tenantId))) {
      taken.add(info.key());
    }
    byte[] holder = LedgerJson.write(new SlotHolder(runId, now));
    for (int index = 0; index < limit; index++) {
      String key = keys.slot(tenantId, index);
      if (!taken.contains(key) && store.createIfAbsent(key, holder).isPresent()) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  /** Every taken slot of one tenant. */
  List<HeldSlot> held(String tenantId) {
    return read(store.list(keys.slots(tenantId)));
  }

  /** Every taken slot of every tenant. */
  List<HeldSlot> heldByAllTenants() {
    return read(store.list(keys.allSlots()));
  }

  /** Frees {@code slot} if it is still as it was read; true when this call freed it. */
  boolean free(HeldSlot slot) {
    return store.deleteIfGeneration(slot.key(), slot.generation());
  }

  /** Frees whichever of the tenant's slots {@code runId} holds, if any. */
  void releaseHeldBy(String tenantId, String runId) {
    for (HeldSlot slot : held(tenantId)) {
      if (slot.holder().runId().equals(runId)) {
        free(slot);
      }
    }
  }

  /** Frees slot {@code key} if {@code runId} still holds it. */
  void release(String key, String runId) {
    store
        .read(key)
        .filter(object -> LedgerJson.read(object, SlotHolder.class).runId().equals(runId))
        .ifPresent(object -> store.deleteIfGeneration(key, object.generation()));
  }

  private List<HeldSlot> read(List<ObjectInfo> listing) {
    List<HeldSlot> held = new ArrayList<>();
    for (ObjectInfo info : listing) {
      // A slot freed between the listing and this read is simply not held any more.
      Optional<StoredObject> object = store.read(info.key());
      object.ifPresent(
          o ->
              held.add(
                  new HeldSlot(
                      keys.tenantOfSlot(o.key()),
                      o.key(),
                      o.generation(),
                      LedgerJson.read(o, SlotHolder.class))));
    }
    return held;
  }
}
