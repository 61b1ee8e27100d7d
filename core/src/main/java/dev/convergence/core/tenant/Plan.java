package dev.convergence.core.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.convergence.core.config.WireName;
import java.util.Locale;

/** A tenant's plan and the run limits it buys. Days and months are counted in UTC. */
public enum Plan implements WireName {
  STARTER(6, 180, 1),
  PROFESSIONAL(25, 750, 3),
  SCALE(100, 3_000, 10),
  ENTERPRISE(1_000, 30_000, 25);

  private final int runsPerDay;
  private final int runsPerMonth;
  private final int concurrentRuns;

  Plan(int runsPerDay, int runsPerMonth, int concurrentRuns) {
    this.runsPerDay = runsPerDay;
    this.runsPerMonth = runsPerMonth;
    this.concurrentRuns = concurrentRuns;
  }

  public int runsPerDay() {
    return runsPerDay;
  }

  public int runsPerMonth() {
    return runsPerMonth;
  }

  public int concurrentRuns() {
    return concurrentRuns;
  }

  @JsonValue
  @Override
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Plan fromWireName(String name) {
    return WireName.parse(Plan.class, name, "plan");
  }
}
