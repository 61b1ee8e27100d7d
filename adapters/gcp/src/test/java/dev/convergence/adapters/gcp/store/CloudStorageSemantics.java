package dev.convergence.adapters.gcp.store;

import com.google.api.services.storage.model.StorageObject;
import com.google.cloud.Tuple;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import com.google.cloud.storage.spi.v1.StorageRpc;
import com.google.cloud.storage.testing.StorageRpcTestBase;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@link LocalStorageHelper}'s in-memory Cloud Storage, with the guarantees of the real service
 * that it leaves out and the run ledger depends on:
 *
 * <ul>
 *   <li>every upload gets a new, higher generation (the helper leaves simple uploads without one);
 *   <li>{@code ifGenerationMatch} and {@code ifGenerationNotMatch} hold on uploads, reads and
 *       deletes, and a failed one is HTTP 412 (the helper ignores them on simple uploads and
 *       deletes);
 *   <li>each request is atomic, as the service is strongly consistent per object (the helper is not
 *       thread-safe).
 * </ul>
 *
 * Storage itself (objects, content, listing) stays the helper's; this class only checks and
 * serialises requests before handing them on.
 */
final class CloudStorageSemantics extends StorageRpcTestBase {

  private static final int PRECONDITION_FAILED = 412;

  private final StorageRpc helper;
  private long lastGeneration = 1_700_000_000_000_000L;
  private int failNextWithCode;

  private CloudStorageSemantics(StorageRpc helper) {
    this.helper = helper;
  }

  /** A fresh, empty in-memory Cloud Storage. */
  static CloudStorageSemantics create() {
    return new CloudStorageSemantics((StorageRpc) LocalStorageHelper.customOptions(false).getRpc());
  }

  /** A Cloud Storage client on this store. */
  Storage client() {
    return StorageOptions.newBuilder()
        .setProjectId("convergence-test")
        .setServiceRpcFactory(options -> this)
        .build()
        .getService();
  }

  /** The next request fails with this HTTP status, as when the service is unavailable. */
  synchronized void failNextRequest(int httpStatus) {
    this.failNextWithCode = httpStatus;
  }

  @Override
  public synchronized StorageObject create(
      StorageObject object, InputStream content, Map<Option, ?> options) {
    checkPreconditions(object, options);
    object.setGeneration(++lastGeneration);
    object.setMetageneration(1L);
    return helper.create(object, content, withoutPreconditions(options));
  }

  @Override
  public synchronized StorageObject get(StorageObject object, Map<Option, ?> options) {
    checkPreconditions(object, options);
    return copy(helper.get(object, withoutPreconditions(options)));
  }

  @Override
  public synchronized byte[] load(StorageObject object, Map<Option, ?> options) {
    checkPreconditions(object, options);
    return helper.load(object, withoutPreconditions(options));
  }

  @Override
  public synchronized boolean delete(StorageObject object, Map<Option, ?> options) {
    checkPreconditions(object, options);
    return helper.delete(object, withoutPreconditions(options));
  }

  @Override
  public synchronized Tuple<String, Iterable<StorageObject>> list(
      String bucket, Map<Option, ?> options) {
    Tuple<String, Iterable<StorageObject>> page = helper.list(bucket, options);
    java.util.List<StorageObject> copies = new java.util.ArrayList<>();
    page.y().forEach(object -> copies.add(copy(object)));
    return Tuple.of(page.x(), copies);
  }

  private void checkPreconditions(StorageObject target, Map<Option, ?> options) {
    if (failNextWithCode != 0) {
      int code = failNextWithCode;
      failNextWithCode = 0;
      throw new StorageException(code, "injected failure");
    }
    StorageObject current = helper.get(target, Map.of());
    long currentGeneration = current == null ? 0 : current.getGeneration();
    Object match = options.get(Option.IF_GENERATION_MATCH);
    if (match != null && ((Number) match).longValue() != currentGeneration) {
      throw preconditionFailed(target, "ifGenerationMatch=" + match, currentGeneration);
    }
    Object notMatch = options.get(Option.IF_GENERATION_NOT_MATCH);
    if (notMatch != null && ((Number) notMatch).longValue() == currentGeneration) {
      throw preconditionFailed(target, "ifGenerationNotMatch=" + notMatch, currentGeneration);
    }
  }

  private static StorageException preconditionFailed(
      StorageObject target, String condition, long currentGeneration) {
    return new StorageException(
        PRECONDITION_FAILED,
        "Precondition Failed: "
            + condition
            + " on gs://"
            + target.getBucket()
            + "/"
            + target.getName()
            + " at generation "
            + currentGeneration);
  }

  private static Map<Option, ?> withoutPreconditions(Map<Option, ?> options) {
    Map<Option, Object> rest = new EnumMap<>(Option.class);
    options.forEach(rest::put);
    rest.remove(Option.IF_GENERATION_MATCH);
    rest.remove(Option.IF_GENERATION_NOT_MATCH);
    return rest;
  }

  /** The helper hands out its own mutable metadata; callers get a snapshot. */
  private static StorageObject copy(StorageObject object) {
    return object == null ? null : object.clone();
  }
}
