package dev.convergence.functions;

import com.google.cloud.storage.StorageOptions;
import com.google.cloud.storage.contrib.nio.CloudStorageConfiguration;
import com.google.cloud.storage.contrib.nio.CloudStorageFileSystem;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Where the configuration directory is: a local path, a {@code file:} URI, or a {@code
 * gs://bucket/prefix/} URI read through Cloud Storage's NIO file system, so tenants can change
 * without redeploying the functions.
 */
final class ConfigLocation {

  private ConfigLocation() {}

  static Path resolve(String location, Supplier<StorageOptions> storage) {
    if (location.startsWith("gs://")) {
      URI uri = URI.create(location);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException(
            "CONVERGENCE_CONFIG_URI must be gs://BUCKET/PREFIX/; got '" + location + "'");
      }
      CloudStorageFileSystem files =
          CloudStorageFileSystem.forBucket(
              uri.getHost(), CloudStorageConfiguration.DEFAULT, storage.get());
      String prefix = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
      return files.getPath(prefix.endsWith("/") ? prefix : prefix + "/");
    }
    if (location.startsWith("file:")) {
      return Path.of(URI.create(location));
    }
    return Path.of(location);
  }
}
