package dev.convergence.core.ledger;

/**
 * The ledger could not settle a decision now: another admission of the same run holds its slot but
 * has not written the run yet, or a compare-and-swap kept losing. Retrying later settles it, so
 * intake lets this propagate and the platform redelivers.
 */
public final class LedgerContentionException extends RuntimeException {

  public LedgerContentionException(String message) {
    super(message);
  }
}
