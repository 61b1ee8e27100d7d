package dev.convergence.flink.operators;

import dev.convergence.focus.FocusRow;

/** The tests' reference for a row's own daily aggregate: its group, its costs, a count of one. */
final class OneRow {

  private OneRow() {}

  static DailyAggregate aggregate(FocusRow row, String costCentre) {
    return DailyAggregate.groupOf(row, costCentre)
        .aggregate(row.billedCost(), row.effectiveCost(), row.listCost(), 1);
  }
}
