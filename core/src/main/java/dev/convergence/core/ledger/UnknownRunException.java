package dev.convergence.core.ledger;

/** No run with this id exists for this tenant. */
public final class UnknownRunException extends RuntimeException {

  public UnknownRunException(String tenantId, String runId) {
    super("tenant " + tenantId + " has no run " + runId);
  }
}
