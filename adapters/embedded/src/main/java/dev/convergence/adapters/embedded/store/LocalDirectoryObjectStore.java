package dev.convergence.adapters.embedded.store;

import dev.convergence.core.store.ObjectInfo;
import dev.convergence.core.store.ObjectKeys;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.store.ObjectStoreException;
import dev.convergence.core.store.StoredObject;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The object store as a directory on one machine: key {@code a/b/c.json} is the file {@code
 * <root>/a/b/c.json}, so what the pipeline writes (Parquet, manifests) is readable in place by
 * DuckDB and by a person.
 *
 * <p>Every write lands whole: the content goes to a temporary file beside the root, then one atomic
 * rename puts it in place. The generation is the file's modification time in microseconds, as with
 * Cloud Storage, and each write sets it above the one it replaces; conditional writes check and
 * rename under a {@link KeyLocks key lock}, which holds across threads and processes.
 *
 * <p>Bookkeeping lives in {@code <root>/.convergence/}, which is never listed. A key cannot both be
 * an object and a prefix of another ({@code a/b} and {@code a/b/c}), as a file cannot be a
 * directory.
 */
public final class LocalDirectoryObjectStore implements ObjectStore {

  static final String BOOKKEEPING = ".convergence";

  private final Path root;
  private final Path temporary;
  private final KeyLocks locks;

  public LocalDirectoryObjectStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    Path bookkeeping = this.root.resolve(BOOKKEEPING);
    this.temporary = bookkeeping.resolve("tmp");
    try {
      Files.createDirectories(temporary);
      this.locks = KeyLocks.forDirectory(bookkeeping.resolve("locks"));
    } catch (IOException e) {
      throw new ObjectStoreException("cannot prepare object store directory " + this.root, e);
    }
  }

  public Path root() {
    return root;
  }

  /** The file that holds {@code key}. */
  public Path pathOf(String key) {
    return root.resolve(ObjectKeys.check(key));
  }

  @Override
  public Optional<StoredObject> read(String key) {
    Path path = pathOf(key);
    try {
      while (true) {
        Optional<BasicFileAttributes> before = attributes(path);
        if (before.isEmpty()) {
          return Optional.empty();
        }
        byte[] content = Files.readAllBytes(path);
        Optional<BasicFileAttributes> after = attributes(path);
        // A rename between the two looks gives another file: read again.
        if (after.isPresent() && sameFile(before.get(), after.get())) {
          return Optional.of(new StoredObject(key, content, generation(after.get())));
        }
      }
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure("read", key, e);
    }
  }

  @Override
  public Optional<ObjectInfo> stat(String key) {
    Path path = pathOf(key);
    try {
      return attributes(path).map(a -> info(key, a));
    } catch (IOException e) {
      throw failure("stat", key, e);
    }
  }

  @Override
  public long put(String key, byte[] content) {
    return write(key, content, Precondition.NONE, 0).orElseThrow();
  }

  @Override
  public OptionalLong createIfAbsent(String key, byte[] content) {
    return write(key, content, Precondition.ABSENT, 0);
  }

  @Override
  public OptionalLong replaceIfGeneration(String key, byte[] content, long expectedGeneration) {
    return write(key, content, Precondition.AT_GENERATION, expectedGeneration);
  }

  @Override
  public boolean deleteIfGeneration(String key, long expectedGeneration) {
    Path path = pathOf(key);
    try {
      return locks.underLock(
          key,
          () -> {
            Optional<BasicFileAttributes> current = attributes(path);
            if (current.isEmpty() || generation(current.get()) != expectedGeneration) {
              return false;
            }
            Files.delete(path);
            return true;
          });
    } catch (IOException e) {
      throw failure("delete", key, e);
    }
  }

  @Override
  public boolean delete(String key) {
    Path path = pathOf(key);
    try {
      return locks.underLock(key, () -> Files.deleteIfExists(path));
    } catch (IOException e) {
      throw failure("delete", key, e);
    }
  }

  @Override
  public List<ObjectInfo> list(String prefix) {
    ObjectKeys.checkPrefix(prefix);
    int slash = prefix.lastIndexOf('/');
    Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    Path bookkeeping = root.resolve(BOOKKEEPING);
    List<ObjectInfo> objects = new ArrayList<>();
    try {
      Files.walkFileTree(
          start,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              return dir.equals(bookkeeping)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              String key = keyOf(file);
              if (attributes.isRegularFile() && key.startsWith(prefix)) {
                objects.add(info(key, attributes));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE; // deleted during the walk: not listed
              }
              throw e;
            }
          });
    } catch (NoSuchFileException startDeletedMeanwhile) {
      return List.of();
    } catch (IOException e) {
      throw new ObjectStoreException("cannot list '" + prefix + "' in " + root, e);
    }
    objects.sort(Comparator.comparing(ObjectInfo::key));
    return objects;
  }

  private enum Precondition {
    NONE,
    ABSENT,
    AT_GENERATION
  }

  private OptionalLong write(String key, byte[] content, Precondition precondition, long expected) {
    Objects.requireNonNull(content, "content");
    Path path = pathOf(key);
    Path staged = null;
    try {
      // The content is written outside the lock: only the check and the rename are under it.
      staged = Files.createTempFile(temporary, "object-", ".tmp");
      Files.write(staged, content);
      Path ready = staged;
      OptionalLong written =
          locks.underLock(
              key,
              () -> {
                Optional<BasicFileAttributes> current = attributes(path);
                boolean allowed =
                    switch (precondition) {
                      case NONE -> true;
                      case ABSENT -> current.isEmpty();
                      case AT_GENERATION ->
                          current.isPresent() && generation(current.get()) == expected;
                    };
                if (!allowed) {
                  return OptionalLong.empty();
                }
                long generation = nextGeneration(current);
                Files.setLastModifiedTime(ready, FileTime.from(generation, TimeUnit.MICROSECONDS));
                Files.createDirectories(path.getParent());
                moveIntoPlace(ready, path);
                return OptionalLong.of(generation);
              });
      if (written.isPresent()) {
        staged = null;
      }
      return written;
    } catch (FileAlreadyExistsException e) {
      throw new ObjectStoreException(
          "cannot write '" + key + "': a part of its path is already an object", e);
    } catch (IOException e) {
      throw failure("write", key, e);
    } finally {
      if (staged != null) {
        try {
          Files.deleteIfExists(staged);
        } catch (IOException ignored) {
          // a stray temporary file is harmless: it is never listed
        }
      }
    }
  }

  private static void moveIntoPlace(Path staged, Path target) throws IOException {
    try {
      Files.move(
          staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "the file system cannot rename atomically into " + target.getParent(), e);
    }
  }

  /** Above both the clock and the generation it replaces, so generations only grow. */
  private static long nextGeneration(Optional<BasicFileAttributes> current) {
    Instant clock = Instant.now();
    long now = clock.getEpochSecond() * 1_000_000L + clock.getNano() / 1_000;
    return current.map(a -> Math.max(now, generation(a) + 1)).orElse(now);
  }

  private static long generation(BasicFileAttributes attributes) {
    return attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS);
  }

  private static boolean sameFile(BasicFileAttributes a, BasicFileAttributes b) {
    return Objects.equals(a.fileKey(), b.fileKey())
        && a.lastModifiedTime().equals(b.lastModifiedTime())
        && a.size() == b.size();
  }

  private static Optional<BasicFileAttributes> attributes(Path path) throws IOException {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return attributes.isRegularFile() ? Optional.of(attributes) : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private ObjectInfo info(String key, BasicFileAttributes attributes) {
    return new ObjectInfo(
        key, attributes.size(), generation(attributes), attributes.lastModifiedTime().toInstant());
  }

  private String keyOf(Path path) {
    return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
  }

  private ObjectStoreException failure(String action, String key, IOException e) {
    return new ObjectStoreException("cannot " + action + " '" + key + "' in " + root + ": " + e, e);
  }
}
