package dev.convergence.core.testing;

import dev.convergence.core.store.ObjectInfo;
import dev.convergence.core.store.ObjectKeys;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.store.StoredObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An object store in memory, for fast unit tests. It passes the same contract as the real stores
 * ({@code InMemoryObjectStoreTest}), so what a test learns on it holds on them.
 */
public final class InMemoryObjectStore implements ObjectStore {

  private record Entry(byte[] content, long generation, Instant updated) {}

  // ConcurrentHashMap applies compute functions exactly once, atomically; the skip-list map may
  // apply them more than once, which would break the preconditions below.
  private final ConcurrentHashMap<String, Entry> objects = new ConcurrentHashMap<>();
  private final AtomicLong generations = new AtomicLong(1_000);

  @Override
  public Optional<StoredObject> read(String key) {
    Entry entry = objects.get(ObjectKeys.check(key));
    return entry == null
        ? Optional.empty()
        : Optional.of(new StoredObject(key, entry.content().clone(), entry.generation()));
  }

  @Override
  public Optional<ObjectInfo> stat(String key) {
    Entry entry = objects.get(ObjectKeys.check(key));
    return entry == null ? Optional.empty() : Optional.of(info(key, entry));
  }

  @Override
  public long put(String key, byte[] content) {
    Entry entry = entry(content);
    objects.put(ObjectKeys.check(key), entry);
    return entry.generation();
  }

  @Override
  public OptionalLong createIfAbsent(String key, byte[] content) {
    Entry entry = entry(content);
    return objects.putIfAbsent(ObjectKeys.check(key), entry) == null
        ? OptionalLong.of(entry.generation())
        : OptionalLong.empty();
  }

  @Override
  public OptionalLong replaceIfGeneration(String key, byte[] content, long expectedGeneration) {
    Entry replacement = entry(content);
    Entry[] replaced = new Entry[1];
    objects.computeIfPresent(
        ObjectKeys.check(key),
        (k, current) -> {
          if (current.generation() != expectedGeneration) {
            return current;
          }
          replaced[0] = current;
          return replacement;
        });
    return replaced[0] == null ? OptionalLong.empty() : OptionalLong.of(replacement.generation());
  }

  @Override
  public boolean deleteIfGeneration(String key, long expectedGeneration) {
    boolean[] deleted = new boolean[1];
    objects.computeIfPresent(
        ObjectKeys.check(key),
        (k, current) -> {
          if (current.generation() != expectedGeneration) {
            return current;
          }
          deleted[0] = true;
          return null;
        });
    return deleted[0];
  }

  @Override
  public boolean delete(String key) {
    return objects.remove(ObjectKeys.check(key)) != null;
  }

  @Override
  public List<ObjectInfo> list(String prefix) {
    ObjectKeys.checkPrefix(prefix);
    return objects.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .map(e -> info(e.getKey(), e.getValue()))
        .sorted(Comparator.comparing(ObjectInfo::key))
        .toList();
  }

  private Entry entry(byte[] content) {
    return new Entry(content.clone(), generations.incrementAndGet(), Instant.now());
  }

  private static ObjectInfo info(String key, Entry entry) {
    return new ObjectInfo(key, entry.content().length, entry.generation(), entry.updated());
  }
}
