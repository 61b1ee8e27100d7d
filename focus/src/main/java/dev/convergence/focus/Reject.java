package dev.convergence.focus;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A source record that could not be converted, kept with the reason, its place in the source and,
 * when its cost could be read, that cost in the source's billing currency, so the rejects' count
 * and cost can be reported rather than lost.
 */
public record Reject(
    RejectReason reason, String message, String sourceFile, long line, BigDecimal rawCost)
    implements Converted {

  public Reject {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(sourceFile, "sourceFile");
    if (line < 1) {
      throw new IllegalArgumentException("line: must be 1 or more; got " + line);
    }
  }

  @Override
  public String toString() {
    return sourceFile + ":" + line + ": " + reason + " (" + message + ")";
  }
}
