package dev.convergence.flink.parquet;

import java.util.HashMap;
import java.util.function.Function;
import org.apache.parquet.io.api.Binary;

/**
 * The encoded {@link Binary} of one column's values, kept while the column repeats itself: most
 * string columns of a billing export hold a handful of values (providers, services, regions,
 * accounts, tags), so the value is encoded once and Parquet gets the same bytes again. Besides the
 * encoding saved, the dictionary encoder then recognises the value by identity of its bytes rather
 * than comparing them. A column whose values rarely repeat (row ids, resource ids) stops caching
 * after a while, and then every value is encoded afresh.
 *
 * <p>Bounded per column, in entries and in encoded bytes; one per column of one part file, so a
 * file's cache goes with its writer. Not thread-safe, as Parquet writers are not. The keys must be
 * immutable and their {@code equals} must imply the same encoding. The cached Binaries are constant
 * (not reused buffers), so Parquet may keep them, as it does with dictionary entries.
 */
final class BinaryCache<K> {

  static final int MAX_ENTRIES = 1024;
  static final int MAX_BYTES = 64 * 1024;

  /** How many look-ups make a round; a round with fewer than half hits ends the caching. */
  static final int ROUND = 4096;

  private final Function<K, Binary> encoder;
  private HashMap<K, Binary> cache = new HashMap<>();
  private int bytes;
  private int lookups;
  private int hits;
  private K last;
  private Binary lastBinary;

  BinaryCache(Function<K, Binary> encoder) {
    this.encoder = encoder;
  }

  /** The encoding of {@code key}, from the cache when it is there. */
  Binary get(K key) {
    if (key == last) {
      return lastBinary;
    }
    Binary binary;
    if (cache == null) {
      binary = encoder.apply(key);
    } else {
      binary = cache.get(key);
      if (binary != null) {
        hits++;
      } else {
        binary = encoder.apply(key);
        if (cache.size() < MAX_ENTRIES && bytes + binary.length() <= MAX_BYTES) {
          cache.put(key, binary);
          bytes += binary.length();
        }
      }
      if (++lookups == ROUND) {
        if (hits < ROUND / 2) {
          cache = null;
        }
        lookups = 0;
        hits = 0;
      }
    }
    last = key;
    lastBinary = binary;
    return binary;
  }

  /** Whether the cache is still in use (false once the column proved not to repeat itself). */
  boolean caching() {
    return cache != null;
  }

  int size() {
    return cache == null ? 0 : cache.size();
  }
}
