package dev.convergence.core.launch;

/** The workflow could not be started: our failure, so the request is redelivered. */
public class LaunchException extends RuntimeException {

  public LaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
