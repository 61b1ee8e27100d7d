package dev.convergence.core.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * The runs admitted for a tenant on one UTC day. {@code monthBefore} is how many were admitted on
 * the earlier days of the same month when this day's tally was started: those days are closed, so
 * the month's count is {@code monthBefore + runs.size()} without reading them again.
 */
record DayTally(LocalDate day, int monthBefore, List<String> runs) {

  DayTally {
    runs = List.copyOf(runs);
  }

  int monthCount() {
    return monthBefore + runs.size();
  }
}
