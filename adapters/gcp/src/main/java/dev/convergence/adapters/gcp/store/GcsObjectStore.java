package dev.convergence.adapters.gcp.store;

import com.google.api.gax.paging.Page;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import dev.convergence.core.store.ObjectInfo;
import dev.convergence.core.store.ObjectKeys;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.store.ObjectStoreException;
import dev.convergence.core.store.StoredObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The object store as a Cloud Storage bucket. Conditional writes are Cloud Storage's own
 * preconditions: {@code ifGenerationMatch=0} to create only if absent, {@code
 * ifGenerationMatch=<g>} to replace or delete only at generation {@code g}; a failed precondition
 * (HTTP 412) is the expected "someone else got there first" and comes back as an empty result.
 */
public final class GcsObjectStore implements ObjectStore {

  private static final int PRECONDITION_FAILED = 412;
  private static final int NOT_FOUND = 404;

  private final Storage storage;
  private final String bucket;

  public GcsObjectStore(Storage storage, String bucket) {
    this.storage = storage;
    this.bucket = bucket;
  }

  @Override
  public Optional<StoredObject> read(String key) {
    BlobId id = blobId(key);
    try {
      while (true) {
        Blob blob = storage.get(id);
        if (blob == null) {
          return Optional.empty();
        }
        long generation = blob.getGeneration();
        try {
          byte[] content =
              storage.readAllBytes(id, Storage.BlobSourceOption.generationMatch(generation));
          return Optional.of(new StoredObject(key, content, generation));
        } catch (StorageException e) {
          // Replaced or deleted between the two calls: look again.
          if (e.getCode() != PRECONDITION_FAILED && e.getCode() != NOT_FOUND) {
            throw e;
          }
        }
      }
    } catch (StorageException e) {
      throw failure("read", key, e);
    }
  }

  @Override
  public Optional<ObjectInfo> stat(String key) {
    try {
      return Optional.ofNullable(storage.get(blobId(key))).map(this::info);
    } catch (StorageException e) {
      throw failure("stat", key, e);
    }
  }

  @Override
  public long put(String key, byte[] content) {
    try {
      return storage.create(blobInfo(key), content).getGeneration();
    } catch (StorageException e) {
      throw failure("write", key, e);
    }
  }

  @Override
  public OptionalLong createIfAbsent(String key, byte[] content) {
    return conditionalCreate(key, content, Storage.BlobTargetOption.doesNotExist());
  }

  @Override
  public OptionalLong replaceIfGeneration(String key, byte[] content, long expectedGeneration) {
    return conditionalCreate(
        key, content, Storage.BlobTargetOption.generationMatch(expectedGeneration));
  }

  private OptionalLong conditionalCreate(
      String key, byte[] content, Storage.BlobTargetOption precondition) {
    try {
      return OptionalLong.of(storage.create(blobInfo(key), content, precondition).getGeneration());
    } catch (StorageException e) {
      if (e.getCode() == PRECONDITION_FAILED) {
        return OptionalLong.empty();
      }
      throw failure("write", key, e);
    }
  }

  @Override
  public boolean deleteIfGeneration(String key, long expectedGeneration) {
    try {
      return storage.delete(
          blobId(key), Storage.BlobSourceOption.generationMatch(expectedGeneration));
    } catch (StorageException e) {
      if (e.getCode() == PRECONDITION_FAILED) {
        return false;
      }
      throw failure("delete", key, e);
    }
  }

  @Override
  public boolean delete(String key) {
    try {
      return storage.delete(blobId(key));
    } catch (StorageException e) {
      throw failure("delete", key, e);
    }
  }

  @Override
  public List<ObjectInfo> list(String prefix) {
    ObjectKeys.checkPrefix(prefix);
    List<ObjectInfo> objects = new ArrayList<>();
    try {
      Page<Blob> page = storage.list(bucket, Storage.BlobListOption.prefix(prefix));
      for (Blob blob : page.iterateAll()) {
        objects.add(info(blob));
      }
    } catch (StorageException e) {
      throw new ObjectStoreException(
          "cannot list gs://" + bucket + "/" + prefix + ": " + e.getMessage(), e);
    }
    objects.sort(Comparator.comparing(ObjectInfo::key));
    return objects;
  }

  private ObjectInfo info(Blob blob) {
    OffsetDateTime updated = blob.getUpdateTimeOffsetDateTime();
    return new ObjectInfo(
        blob.getName(),
        blob.getSize() == null ? 0 : blob.getSize(),
        blob.getGeneration() == null ? 0 : blob.getGeneration(),
        updated == null ? Instant.EPOCH : updated.toInstant());
  }

  private BlobId blobId(String key) {
    return BlobId.of(bucket, ObjectKeys.check(key));
  }

  private BlobInfo blobInfo(String key) {
    return BlobInfo.newBuilder(blobId(key)).build();
  }

  private ObjectStoreException failure(String action, String key, StorageException e) {
    return new ObjectStoreException(
        "cannot "
            + action
            + " gs://"
            + bucket
            + "/"
            + key
            + " (HTTP "
            + e.getCode()
            + "): "
            + e.getMessage(),
        e);
  }
}
