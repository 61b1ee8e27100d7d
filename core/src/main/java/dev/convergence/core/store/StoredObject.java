package dev.convergence.core.store;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** An object's content as read, with the generation it was read at. */
public record StoredObject(String key, byte[] content, long generation) {

  public StoredObject {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(content, "content");
  }

  public String contentAsUtf8() {
    return new String(content, StandardCharsets.UTF_8);
  }
}
