package dev.convergence.stages;

import java.util.Objects;

/**
 * A stage cannot do its work, for a reason a person can act on: the message names the object or
 * field at fault, and {@link #error()} says what kind of failure it is (and so whether a retry can
 * help).
 */
public final class StageException extends RuntimeException {

  private final StageError error;

  public StageException(StageError error, String message) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
  }

  public StageException(StageError error, String message, Throwable cause) {
    super(message, cause);
    this.error = Objects.requireNonNull(error, "error");
  }

  public StageError error() {
    return error;
  }
}
