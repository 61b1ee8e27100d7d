package dev.convergence.core.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks for the compact constructors of configuration records. Each throws {@link
 * IllegalArgumentException} with a message that names the key, which {@link StrictYaml} reports
 * with the file and line.
 */
public final class Require {

  private Require() {}

  public static <T> T present(T value, String key) {
    if (value == null) {
      throw new IllegalArgumentException("missing required key '" + key + "'");
    }
    return value;
  }

  public static String matches(String value, Pattern pattern, String key, String rule) {
    present(value, key);
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(key + " must be " + rule + "; got '" + value + "'");
    }
    return value;
  }

  public static <T> List<T> listOrEmpty(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  public static void that(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
