package dev.convergence.core.ledger;

/** A concurrency slot the ledger took back, and why. */
public record SlotRepair(String tenantId, String slot, String runId, Cause cause) {

  public enum Cause {
    /** The admission that took the slot died before it wrote the run. */
    RUN_NEVER_WRITTEN,
    /** The run ended but its slot was not freed (the process died in between). */
    RUN_ENDED,
    /** The run passed its deadline; it was failed. */
    RUN_TIMED_OUT
  }
}
