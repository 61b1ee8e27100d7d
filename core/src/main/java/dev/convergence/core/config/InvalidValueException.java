package dev.convergence.core.config;

/**
 * A configuration value its record refuses, naming the key it came from so that {@link StrictYaml}
 * can point at that key's line.
 */
public final class InvalidValueException extends IllegalArgumentException {

  private final String key;

  public InvalidValueException(String key, String message) {
    super(message);
    this.key = key;
  }

  public InvalidValueException(String key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
