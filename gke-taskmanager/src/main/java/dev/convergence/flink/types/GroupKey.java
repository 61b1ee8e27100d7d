package dev.convergence.flink.types;

/**
 * A group's key as one unambiguous string: each part length-prefixed, null marked apart from every
 * string, so that no two different groups share a key ("ab"+"c" differs from "a"+"bc").
 */
public final class GroupKey {

  private GroupKey() {}

  public static String of(String... parts) {
    StringBuilder key = new StringBuilder();
    for (String part : parts) {
      if (part == null) {
        key.append('-');
      } else {
        key.append(part.length()).append(':').append(part);
      }
    }
    return key.toString();
  }
}
