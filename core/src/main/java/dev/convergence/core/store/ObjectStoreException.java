package dev.convergence.core.store;

/**
 * The store could not answer: an I/O error, a network failure, a permission problem. This is our
 * failure, not the sender's, so it propagates and the platform retries the work.
 */
public class ObjectStoreException extends RuntimeException {

  public ObjectStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public ObjectStoreException(String message) {
    super(message);
  }
}
