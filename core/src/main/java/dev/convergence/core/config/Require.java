package dev.convergence.core.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks for the compact constructors of configuration records. Each failure is an {@link
 * InvalidValueException} naming the key, which {@link StrictYaml} reports with its file and line.
 */
public final class Require {

  private Require() {}

  public static <T> T present(T value, String key) {
    if (value == null) {
      throw new InvalidValueException(key, "is required");
    }
    return value;
  }

  public static String matches(String value, Pattern pattern, String key, String rule) {
    present(value, key);
    if (!pattern.matcher(value).matches()) {
      throw new InvalidValueException(key, "must be " + rule + "; got '" + value + "'");
    }
    return value;
  }

  public static <T> List<T> listOrEmpty(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  public static void that(boolean condition, String key, String message) {
    if (!condition) {
      throw new InvalidValueException(key, message);
    }
  }
}
