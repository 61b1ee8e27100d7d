package dev.convergence.core.store;

import java.util.regex.Pattern;

/**
 * The one rule for object keys, shared by every store so that a key valid in one is valid in all:
 * relative, {@code /}-separated segments of letters, digits and {@code . _ = -}, no empty, {@code
 * .} or {@code ..} segment, at most 1,024 characters.
 */
public final class ObjectKeys {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._=-]+");
  private static final int MAX_LENGTH = 1024;

  private ObjectKeys() {}

  /** Returns {@code key} if it is a valid key, else throws naming what is wrong with it. */
  public static String check(String key) {
    String problem = problem(key, false);
    if (problem != null) {
      throw new IllegalArgumentException("invalid object key '" + key + "': " + problem);
    }
    return key;
  }

  /**
   * Returns {@code prefix} if it is a valid listing prefix (empty, or a key with or without a
   * trailing slash).
   */
  public static String checkPrefix(String prefix) {
    if (prefix.isEmpty()) {
      return prefix;
    }
    String problem = problem(prefix, true);
    if (problem != null) {
      throw new IllegalArgumentException("invalid object key prefix '" + prefix + "': " + problem);
    }
    return prefix;
  }

  /** Why {@code key} is not a valid key, or null when it is. */
  public static String problem(String key, boolean trailingSlashAllowed) {
    if (key == null || key.isEmpty()) {
      return "it is empty";
    }
    if (key.length() > MAX_LENGTH) {
      return "it is longer than " + MAX_LENGTH + " characters";
    }
    if (key.startsWith("/")) {
      return "it starts with '/'";
    }
    String body =
        trailingSlashAllowed && key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
    for (String segment : body.split("/", -1)) {
      if (segment.isEmpty()) {
        return "it has an empty segment";
      }
      if (segment.equals(".") || segment.equals("..")) {
        return "it has a '" + segment + "' segment";
      }
      if (!SEGMENT.matcher(segment).matches()) {
        return "segment '" + segment + "' has a character other than letters, digits and . _ = -";
      }
    }
    return null;
  }
}
