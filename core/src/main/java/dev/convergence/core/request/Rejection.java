package dev.convergence.core.request;

import java.util.Objects;

/**
 * A refused run request: a stable {@link ReasonCode}, the field at fault ({@code body} when the
 * whole body is at fault) and a message a person can act on, which starts with that field.
 */
public record Rejection(ReasonCode code, String field, String message) {

  public Rejection {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** A rejection whose message is {@code "<field>: <detail>"}. */
  public static Rejection of(ReasonCode code, String field, String detail) {
    return new Rejection(code, field, field + ": " + detail);
  }

  @Override
  public String toString() {
    return code + " (" + message + ")";
  }
}
