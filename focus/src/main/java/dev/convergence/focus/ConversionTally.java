package dev.convergence.focus;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The counts a conversion reports: source records read, FOCUS rows written, rejects by reason, the
 * summed cost of rejects whose cost could be read (in the source's billing currency) and how many
 * rejects had no readable cost, and the rows whose service code was unknown, per code.
 */
public record ConversionTally(
    long inputRecords,
    long outputRows,
    long rejects,
    BigDecimal rejectedCost,
    long rejectsWithoutCost,
    Map<RejectReason, Long> rejectsByReason,
    Map<String, Long> unknownServices) {

  public ConversionTally {
    Objects.requireNonNull(rejectedCost, "rejectedCost");
    rejectsByReason = Map.copyOf(rejectsByReason);
    unknownServices = Map.copyOf(unknownServices);
  }

  /** Rows that were mapped to ServiceCategory Other because their service code was unknown. */
  public long unknownServiceRows() {
    return unknownServices.values().stream().mapToLong(Long::longValue).sum();
  }
}
