package dev.convergence.core.bus;

/** The topics Convergence publishes to and reads from, by their ids. */
public final class Topics {

  /** Run requests, from people, Cloud Scheduler and storage notifications. */
  public static final String RUN_REQUESTS = "run-requests";

  /** Run requests refused at intake: the original payload, with the reason as attributes. */
  public static final String RUN_REQUESTS_REJECTED = "run-requests-rejected";

  /** A run's state changes. */
  public static final String RUN_EVENTS = "run-events";

  /** Cost anomalies found by a run. */
  public static final String COST_ANOMALIES = "cost-anomalies";

  private Topics() {}
}
