package dev.convergence.focus.source;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map of at most {@code capacity} entries that drops its oldest entry when a new one would exceed
 * it: the per-stream memory of values that are costly to work out from their text and repeat from
 * row to row (timestamps, invoice months). A file of ever-new texts then costs bounded memory,
 * however long it is. Not thread-safe: one instance serves one stream.
 */
public final class BoundedCache<K, V> {

  private final int capacity;
  private final Map<K, V> entries;

  public BoundedCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity: must be 1 or more; got " + capacity);
    }
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>() {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > BoundedCache.this.capacity;
          }
        };
  }

  /** The value kept for the key, or null if there is none (a null key has none). */
  public V get(K key) {
    return key == null ? null : entries.get(key);
  }

  /** Keeps the value for the key, dropping the oldest entry if the cache is full. */
  public void put(K key, V value) {
    entries.put(key, value);
  }

  public int size() {
    return entries.size();
  }

  public int capacity() {
    return capacity;
  }
}
