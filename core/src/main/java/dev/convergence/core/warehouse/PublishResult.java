package dev.convergence.core.warehouse;

import java.util.List;

/**
 * What a publish replaced: the slices (sorted), and how many rows each table now holds for them.
 *
 * @param focusRows rows inserted into {@code focus_costs}
 * @param dailyRows rows inserted into {@code daily_costs}
 * @param anomalyRows rows inserted into {@code cost_anomalies}
 */
public record PublishResult(List<Slice> slices, long focusRows, long dailyRows, long anomalyRows) {

  public PublishResult {
    slices = slices.stream().sorted().toList();
    if (focusRows < 0 || dailyRows < 0 || anomalyRows < 0) {
      throw new IllegalArgumentException("row counts must not be negative");
    }
  }
}
