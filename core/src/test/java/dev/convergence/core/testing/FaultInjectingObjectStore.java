package dev.convergence.core.testing;

import dev.convergence.core.store.ObjectInfo;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.store.ObjectStoreException;
import dev.convergence.core.store.StoredObject;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Wraps a real store and makes chosen writes fail, as if the process died or the network dropped
 * just before the write reached the store: nothing of a failed write is stored.
 *
 * <pre>{@code
 * store.failWrites(key -> key.contains("/runs/"), 1); // the next write of a run fails
 * }</pre>
 */
public final class FaultInjectingObjectStore implements ObjectStore {

  private final ObjectStore delegate;
  private volatile Predicate<String> failing = key -> false;
  private final AtomicInteger remainingFailures = new AtomicInteger();

  public FaultInjectingObjectStore(ObjectStore delegate) {
    this.delegate = delegate;
  }

  /** The next {@code times} writes (create, replace, put, delete) of keys matching fail. */
  public void failWrites(Predicate<String> keys, int times) {
    this.failing = keys;
    this.remainingFailures.set(times);
  }

  private void maybeFail(String operation, String key) {
    if (failing.test(key) && remainingFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new ObjectStoreException("injected failure: " + operation + " " + key);
    }
  }

  @Override
  public Optional<StoredObject> read(String key) {
    return delegate.read(key);
  }

  @Override
  public Optional<ObjectInfo> stat(String key) {
    return delegate.stat(key);
  }

  @Override
  public long put(String key, byte[] content) {
    maybeFail("put", key);
    return delegate.put(key, content);
  }

  @Override
  public OptionalLong createIfAbsent(String key, byte[] content) {
    maybeFail("create", key);
    return delegate.createIfAbsent(key, content);
  }

  @Override
  public OptionalLong replaceIfGeneration(String key, byte[] content, long expectedGeneration) {
    maybeFail("replace", key);
    return delegate.replaceIfGeneration(key, content, expectedGeneration);
  }

  @Override
  public boolean deleteIfGeneration(String key, long expectedGeneration) {
    maybeFail("delete", key);
    return delegate.deleteIfGeneration(key, expectedGeneration);
  }

  @Override
  public boolean delete(String key) {
    maybeFail("delete", key);
    return delegate.delete(key);
  }

  @Override
  public List<ObjectInfo> list(String prefix) {
    return delegate.list(prefix);
  }
}
