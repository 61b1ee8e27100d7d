package dev.convergence.focus;

import java.util.Objects;

/** Thrown by a mapper for a source record it cannot convert; becomes a {@link Reject}. */
public final class RowRejectedException extends Exception {

  private final RejectReason reason;

  public RowRejectedException(RejectReason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public RejectReason reason() {
    return reason;
  }
}
