package dev.convergence.core.ledger;

import dev.convergence.core.request.ReasonCode;
import dev.convergence.core.request.Rejection;
import dev.convergence.core.store.ObjectInfo;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.store.StoredObject;
import dev.convergence.core.tenant.Plan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The daily and monthly run quotas. A run is counted by adding its id to the tally of its UTC day
 * with compare-and-swap, so concurrent admissions never both take the last run of a day, and a run
 * counted twice (a retried admission) is counted once.
 */
final class RunQuotas {

  private final ObjectStore store;
  private final LedgerKeys keys;
  private final Retry retry;

  RunQuotas(ObjectStore store, LedgerKeys keys, Retry retry) {
    this.store = store;
    this.keys = keys;
    this.retry = retry;
  }

  /** What counting a run decided: counted (no rejection), or refused with a rejection. */
  private record Decision(Optional<Rejection> rejection) {
    static final Decision COUNTED = new Decision(Optional.empty());

    static Optional<Decision> refused(Rejection rejection) {
      return Optional.of(new Decision(Optional.of(rejection)));
    }
  }

  /**
   * Counts {@code runId} against today's and this month's limits; a rejection if either is full.
   */
  Optional<Rejection> reserve(String tenantId, Plan plan, String runId, Instant now) {
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    String key = keys.day(tenantId, day);
    return retry
        .untilSettled(
            "counting run " + runId + " against the quotas of " + tenantId,
            () -> {
              Optional<StoredObject> current = store.read(key);
              DayTally tally =
                  current
                      .map(object -> LedgerJson.read(object, DayTally.class))
                      .orElseGet(() -> new DayTally(day, monthBefore(tenantId, day), List.of()));
              if (tally.runs().contains(runId)) {
                return Optional.of(Decision.COUNTED);
              }
              if (tally.runs().size() >= plan.runsPerDay()) {
                return Decision.refused(dailyFull(tenantId, plan, day));
              }
              if (tally.monthCount() >= plan.runsPerMonth()) {
                return Decision.refused(monthlyFull(tenantId, plan, day));
              }
              List<String> runs = new ArrayList<>(tally.runs());
              runs.add(runId);
              byte[] next = LedgerJson.write(new DayTally(day, tally.monthBefore(), runs));
              OptionalLong written =
                  current.isPresent()
                      ? store.replaceIfGeneration(key, next, current.get().generation())
                      : store.createIfAbsent(key, next);
              return written.isPresent()
                  ? Optional.of(Decision.COUNTED)
                  : Optional.<Decision>empty();
            })
        .rejection();
  }

  private int monthBefore(String tenantId, LocalDate day) {
    int count = 0;
    String today = keys.day(tenantId, day);
    for (ObjectInfo info : store.list(keys.daysOf(tenantId, YearMonth.from(day)))) {
      if (info.key().compareTo(today) < 0) {
        count +=
            store
                .read(info.key())
                .map(object -> LedgerJson.read(object, DayTally.class).runs().size())
                .orElse(0);
      }
    }
    return count;
  }

  private static Rejection dailyFull(String tenantId, Plan plan, LocalDate day) {
    return Rejection.of(
        ReasonCode.DAILY_QUOTA_EXCEEDED,
        "tenant_id",
        "tenant '"
            + tenantId
            + "' has started "
            + plan.runsPerDay()
            + " runs on "
            + day
            + " (UTC), the most its "
            + plan.wireName()
            + " plan allows a day; runs are accepted again from 00:00 UTC");
  }

  private static Rejection monthlyFull(String tenantId, Plan plan, LocalDate day) {
    return Rejection.of(
        ReasonCode.MONTHLY_QUOTA_EXCEEDED,
        "tenant_id",
        "tenant '"
            + tenantId
            + "' has started "
            + plan.runsPerMonth()
            + " runs in "
            + YearMonth.from(day)
            + " (UTC), the most its "
            + plan.wireName()
            + " plan allows a month");
  }
}
