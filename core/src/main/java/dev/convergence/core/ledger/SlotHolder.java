package dev.convergence.core.ledger;

import java.time.Instant;

/** The content of a taken concurrency slot: which run holds it, since when. */
record SlotHolder(String runId, Instant takenAt) {}
