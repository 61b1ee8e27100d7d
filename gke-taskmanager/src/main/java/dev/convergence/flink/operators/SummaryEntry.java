package dev.convergence.flink.operators;

import java.math.BigDecimal;
import java.util.Objects;

/** A contribution to one line of the run summary: rows and their BilledCost (or raw cost). */
public record SummaryEntry(String output, long rows, BigDecimal cost) {

  public static final String FOCUS_ROWS = "focus_rows";
  public static final String REJECTS = "rejects";
  public static final String SUPERSEDED = "superseded_snapshot_rows";
  public static final String DUPLICATES = "duplicate_rows";
  public static final String DAILY = "daily_aggregates";
  public static final String ANOMALIES = "anomalies";

  public SummaryEntry {
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(cost, "cost");
  }

  public static SummaryEntry one(String output, BigDecimal cost) {
    return of(output, 1, cost);
  }

  /** {@code rows} rows costing {@code cost} in all; a null cost counts as zero. */
  public static SummaryEntry of(String output, long rows, BigDecimal cost) {
    return new SummaryEntry(output, rows, cost == null ? BigDecimal.ZERO : cost);
  }

  /** This contribution and another to the same output, summed. */
  public SummaryEntry plus(SummaryEntry other) {
    return new SummaryEntry(output, rows + other.rows, cost.add(other.cost));
  }
}
