package dev.convergence.flink.anomaly;

/** Whether a day's cost comes from this run's data or from earlier runs' daily aggregates. */
public enum PointOrigin {
  RUN,
  HISTORY
}
