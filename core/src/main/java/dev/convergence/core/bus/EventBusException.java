package dev.convergence.core.bus;

/** The bus did not accept a message: our failure, so the work is retried. */
public class EventBusException extends RuntimeException {

  public EventBusException(String message, Throwable cause) {
    super(message, cause);
  }
}
