package dev.convergence.core.quality;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The counts the run-level rules compare: what the source holds (from the ingest manifest) and
 * where each source row went (the staged output, and what the processing job left out). Rows are
 * FOCUS rows, except that a rejected source record counts as one row, as both ingest and the
 * processing job count it.
 *
 * @param sourceRows FOCUS rows the source maps to plus records rejected at ingest
 * @param sourceCost the source's BilledCost plus the readable cost of records rejected at ingest
 * @param stagedRows rows in the staged FOCUS output
 * @param stagedCost their BilledCost
 * @param rejectedRows records in the staged rejects output
 * @param rejectedCost their readable raw cost
 * @param duplicateRows exact duplicates the processing job removed (append-only sources)
 * @param duplicateCost their BilledCost
 * @param supersededRows rows of older snapshots the processing job dropped
 * @param supersededCost their BilledCost
 */
public record RunTotals(
    long sourceRows,
    BigDecimal sourceCost,
    long stagedRows,
    BigDecimal stagedCost,
    long rejectedRows,
    BigDecimal rejectedCost,
    long duplicateRows,
    BigDecimal duplicateCost,
    long supersededRows,
    BigDecimal supersededCost) {

  public RunTotals {
    Objects.requireNonNull(sourceCost, "sourceCost");
    Objects.requireNonNull(stagedCost, "stagedCost");
    Objects.requireNonNull(rejectedCost, "rejectedCost");
    Objects.requireNonNull(duplicateCost, "duplicateCost");
    Objects.requireNonNull(supersededCost, "supersededCost");
  }

  /** Every row accounted for on the output side. */
  public long accountedRows() {
    return stagedRows + rejectedRows + duplicateRows + supersededRows;
  }

  /** Every cost accounted for on the output side. */
  public BigDecimal accountedCost() {
    return stagedCost.add(rejectedCost).add(duplicateCost).add(supersededCost);
  }
}
