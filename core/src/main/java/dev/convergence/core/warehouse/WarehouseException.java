package dev.convergence.core.warehouse;

import java.util.Objects;

/**
 * The warehouse did not do what was asked, with a machine-readable {@link Reason} beside a message
 * that names the table and what went wrong. Nothing of a failed publish is visible: the slice is
 * still the old one.
 *
 * <p>Whether to try again is the reason's call ({@link #retryable()}): the publish stage lets a
 * retryable failure propagate so the platform retries the task (publishing is idempotent), and
 * fails the run on the others.
 */
public final class WarehouseException extends RuntimeException {

  /** Why the warehouse refused or failed. */
  public enum Reason {
    /** A quota or limit of the warehouse is used up: retry later, not at once. */
    QUOTA_EXCEEDED(true),
    /** The warehouse was unavailable or overloaded, and stayed so through the bounded retries. */
    UNAVAILABLE(true),
    /**
     * The warehouse refused the request as wrong (a 4xx other than quota): retrying cannot help.
     */
    REFUSED(false),
    /** The staged rows are not all the publication's tenant, provider and billing period. */
    STAGED_DATA_MISMATCH(false),
    /** A table lacks columns the catalogue has: run {@link Warehouse#migrate} first. */
    SCHEMA_OUT_OF_DATE(false),
    /** A table differs from the catalogue in a way no additive migration can fix. */
    SCHEMA_CONFLICT(false),
    /** The embedded database failed (I/O, a statement error). */
    STORAGE_FAILURE(true);

    private final boolean retryable;

    Reason(boolean retryable) {
      this.retryable = retryable;
    }
  }

  private final Reason reason;

  public WarehouseException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public WarehouseException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }

  public boolean retryable() {
    return reason.retryable;
  }
}
