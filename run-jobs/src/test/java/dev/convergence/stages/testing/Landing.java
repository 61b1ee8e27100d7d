package dev.convergence.stages.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * Writes objects straight into a {@code LocalDirectoryObjectStore}'s directory with a chosen write
 * time, as a provider's delivery (copied into Cloud Storage) would leave them: the store reports
 * that time as the object's {@code updated}.
 */
public record Landing(Path root) {

  public void put(String key, byte[] content, Instant written) {
    try {
      Path file = root.resolve(key);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      Files.setLastModifiedTime(file, FileTime.from(written));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void put(String key, String content, Instant written) {
    put(key, content.getBytes(StandardCharsets.UTF_8), written);
  }

  public void copy(Path source, String key, Instant written) {
    try {
      put(key, Files.readAllBytes(source), written);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
