package dev.convergence.core.request;

/** A run request that is the sender's fault: reject it, do not retry it. */
public final class RejectedRequestException extends Exception {

  private final transient Rejection rejection;

  public RejectedRequestException(Rejection rejection) {
    super(rejection.message());
    this.rejection = rejection;
  }

  public Rejection rejection() {
    return rejection;
  }

  public ReasonCode code() {
    return rejection.code();
  }
}
