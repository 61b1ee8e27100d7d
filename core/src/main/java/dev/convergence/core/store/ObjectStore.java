package dev.convergence.core.store;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A flat namespace of objects addressed by key, with the conditional writes the run ledger needs.
 *
 * <p>Every write gives the object a new <em>generation</em>, a number that only grows for a key. A
 * caller that read generation {@code g} can replace or delete the object only while it is still at
 * {@code g}: the compare-and-swap that Cloud Storage offers with {@code ifGenerationMatch} and the
 * local directory offers with a lock and an atomic move.
 *
 * <p>Keys are relative, {@code /}-separated paths: see {@link ObjectKeys#check(String)}. An
 * expected outcome (the object exists, the generation moved on) is a return value; a store that
 * cannot answer throws {@link ObjectStoreException}, which callers let propagate so the platform
 * retries.
 */
public interface ObjectStore {

  /** The object's content and generation, or empty when there is no object at {@code key}. */
  Optional<StoredObject> read(String key);

  /** The object's metadata without its content, or empty when there is none. */
  Optional<ObjectInfo> stat(String key);

  /** Writes the object whatever is there; returns its new generation. */
  long put(String key, byte[] content);

  /**
   * Writes the object only if no object exists at {@code key}.
   *
   * @return the new generation, or empty when an object already exists (nothing was written)
   */
  OptionalLong createIfAbsent(String key, byte[] content);

  /**
   * Replaces the object only if it exists and is still at {@code expectedGeneration}.
   *
   * @return the new generation, or empty when the object is gone or at another generation
   */
  OptionalLong replaceIfGeneration(String key, byte[] content, long expectedGeneration);

  /**
   * Deletes the object only if it is still at {@code expectedGeneration}.
   *
   * @return true when this call deleted it
   */
  boolean deleteIfGeneration(String key, long expectedGeneration);

  /** Deletes the object whatever its generation; returns true when there was one. */
  boolean delete(String key);

  /** Every object whose key starts with {@code prefix}, sorted by key. */
  List<ObjectInfo> list(String prefix);
}
