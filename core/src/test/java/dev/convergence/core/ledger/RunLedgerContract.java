package dev.convergence.core.ledger;

import static dev.convergence.core.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.core.request.ReasonCode;
import dev.convergence.core.store.ObjectInfo;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.store.ObjectStoreException;
import dev.convergence.core.testing.FaultInjectingObjectStore;
import dev.convergence.core.testing.Fixtures;
import dev.convergence.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the run ledger promises, on a real object store: each store's test extends this class.
 * Tenants come from {@link Fixtures#validator()}: {@code starter_co} (1 at once, 6 a day, 180 a
 * month), {@code pro_co} (3, 25, 750), {@code scale_co} (10, 100, 3,000).
 */
public abstract class RunLedgerContract {

  private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");

  protected FaultInjectingObjectStore store;
  protected MutableClock clock;
  protected RunLedger ledger;

  /** A new, empty store. */
  protected abstract ObjectStore newStore() throws Exception;

  @BeforeEach
  void openLedger() throws Exception {
    store = new FaultInjectingObjectStore(newStore());
    clock = new MutableClock(START);
    ledger =
        new ObjectStoreRunLedger(
            store,
            Fixtures.validator(),
            clock,
            new LedgerSettings(
                "ledger/",
                Duration.ofHours(6),
                Duration.ofMinutes(2),
                Duration.ofSeconds(10),
                Duration.ofMinutes(5)));
  }

  private List<ObjectInfo> slotsOf(String tenantId) {
    return store.list("ledger/slots/" + tenantId + "/");
  }

  private RunRecord admitted(String tenantId, String requestId) {
    Admission admission = ledger.admit(request(tenantId, requestId));
    assertThat(admission).isInstanceOf(Admission.Admitted.class);
    return ((Admission.Admitted) admission).run();
  }

  private ReasonCode rejectionCode(Admission admission) {
    assertThat(admission).isInstanceOf(Admission.Rejected.class);
    return ((Admission.Rejected) admission).rejection().code();
  }

  private void finish(String tenantId, String runId) {
    ledger.transition(tenantId, runId, RunState.RUNNING, "processing");
    ledger.transition(tenantId, runId, RunState.SUCCEEDED, "published");
  }

  @Test
  void admitsARunAsAcceptedWithADerivedIdADeadlineAndASlot() {
    RunRecord run = admitted("starter_co", "req-1");

    assertThat(run.runId())
        .isEqualTo(RunId.derive("starter_co", "aws-cur", run.billingPeriod(), "req-1"))
        .startsWith("2026-11-");
    assertThat(run.state()).isEqualTo(RunState.ACCEPTED);
    assertThat(run.deadline()).isEqualTo(START.plus(Duration.ofHours(6)));
    assertThat(run.history())
        .containsExactly(
            new StateChange(RunState.ACCEPTED, START, "admitted from a manual request"));
    assertThat(ledger.find("starter_co", run.runId())).contains(run);
    assertThat(slotsOf("starter_co")).hasSize(1);
  }

  @Test
  void theSameRequestAgainIsADuplicateOfTheSameRun() {
    RunRecord first = admitted("pro_co", "req-1");

    Admission again = ledger.admit(request("pro_co", "req-1"));

    assertThat(again).isEqualTo(new Admission.Duplicate(first));
    assertThat(slotsOf("pro_co")).hasSize(1);
  }

  @Test
  void aRequestIdSentFiftyTimesAtOnceAdmitsExactlyOneRun() throws Exception {
    List<Admission> admissions =
        concurrently(16, 50, i -> () -> ledger.admit(request("starter_co", "storm-1")));

    Map<Class<?>, Long> byKind =
        admissions.stream().collect(Collectors.groupingBy(Object::getClass, Collectors.counting()));
    assertThat(byKind)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(Admission.Admitted.class, 1L, Admission.Duplicate.class, 49L));
    String runId =
        RunId.derive(
            "starter_co",
            "aws-cur",
            Fixtures.request("starter_co", "x").billingPeriod(),
            "storm-1");
    assertThat(store.list("ledger/runs/starter_co/"))
        .extracting(ObjectInfo::key)
        .containsExactly("ledger/runs/starter_co/" + runId + ".json");
    assertThat(slotsOf("starter_co")).hasSize(1);
  }

  @Test
  void sixteenThreadsAdmittingTwoHundredRequestsNeverHoldMoreSlotsThanThePlanAllows()
      throws Exception {
    AtomicBoolean watching = new AtomicBoolean(true);
    AtomicInteger mostSlotsSeen = new AtomicInteger();
    Thread watcher =
        new Thread(
            () -> {
              while (watching.get()) {
                mostSlotsSeen.accumulateAndGet(slotsOf("pro_co").size(), Math::max);
              }
            });
    watcher.start();

    List<Admission> admissions =
        concurrently(16, 200, i -> () -> ledger.admit(request("pro_co", "burst-" + i)));
    watching.set(false);
    watcher.join();

    long admitted = admissions.stream().filter(Admission.Admitted.class::isInstance).count();
    List<ReasonCode> refusals =
        admissions.stream()
            .filter(Admission.Rejected.class::isInstance)
            .map(this::rejectionCode)
            .distinct()
            .toList();
    assertThat(admitted).isEqualTo(3);
    assertThat(refusals).containsExactly(ReasonCode.CONCURRENCY_LIMIT_REACHED);
    assertThat(slotsOf("pro_co")).hasSize(3);
    assertThat(store.list("ledger/runs/pro_co/")).hasSize(3);
    assertThat(mostSlotsSeen.get()).isLessThanOrEqualTo(3);
  }

  @Test
  void concurrentAdmissionsThatFinishTheirRunsStopExactlyAtTheDailyQuota() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostInFlight = new AtomicInteger();
    List<Admission> outcomes =
        concurrently(
            16,
            200,
            i ->
                () -> {
                  while (true) {
                    Admission admission = ledger.admit(request("scale_co", "daily-" + i));
                    if (admission instanceof Admission.Admitted ok) {
                      mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                      inFlight.decrementAndGet();
                      finish("scale_co", ok.run().runId());
                      return admission;
                    }
                    if (rejectionCode(admission) != ReasonCode.CONCURRENCY_LIMIT_REACHED) {
                      return admission;
                    }
                  }
                });

    assertThat(outcomes.stream().filter(Admission.Admitted.class::isInstance).count())
        .isEqualTo(100);
    assertThat(
            outcomes.stream()
                .filter(Admission.Rejected.class::isInstance)
                .map(this::rejectionCode)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
        .isEqualTo(Map.of(ReasonCode.DAILY_QUOTA_EXCEEDED, 100L));
    assertThat(mostInFlight.get()).isLessThanOrEqualTo(10);
    assertThat(slotsOf("scale_co")).isEmpty();
  }

  @Test
  void theSeventhStarterRunOfADayIsRefusedAndTheNextDayIsFree() {
    for (int i = 1; i <= 6; i++) {
      finish("starter_co", admitted("starter_co", "day-" + i).runId());
    }

    Admission seventh = ledger.admit(request("starter_co", "day-7"));

    assertThat(seventh)
        .isEqualTo(
            new Admission.Rejected(
                new dev.convergence.core.request.Rejection(
                    ReasonCode.DAILY_QUOTA_EXCEEDED,
                    "tenant_id",
                    "tenant_id: tenant 'starter_co' has started 6 runs on 2026-11-22 (UTC), the"
                        + " most its starter plan allows a day; runs are accepted again from"
                        + " 00:00 UTC")));
    assertThat(slotsOf("starter_co")).isEmpty();

    clock.set(Instant.parse("2026-11-23T00:00:00Z"));
    assertThat(ledger.admit(request("starter_co", "day-7"))).isInstanceOf(Admission.Admitted.class);
  }

  @Test
  void aStarterTenantRunsOneHundredEightyRunsAMonthAndNoMore() {
    clock.set(Instant.parse("2026-12-01T06:00:00Z"));
    int admitted = 0;
    for (int day = 1; day <= 30; day++) {
      for (int i = 0; i < 6; i++) {
        finish("starter_co", admitted("starter_co", "month-" + day + "-" + i).runId());
        admitted++;
      }
      clock.advance(Duration.ofDays(1));
    }

    Admission day31 = ledger.admit(request("starter_co", "month-31-0"));

    assertThat(admitted).isEqualTo(180);
    assertThat(((Admission.Rejected) day31).rejection().message())
        .isEqualTo(
            "tenant_id: tenant 'starter_co' has started 180 runs in 2026-12 (UTC), the most its"
                + " starter plan allows a month");
    clock.set(Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(ledger.admit(request("starter_co", "month-31-0")))
        .isInstanceOf(Admission.Admitted.class);
  }

  @Test
  void aSecondConcurrentStarterRunIsRefusedUntilTheFirstEnds() {
    RunRecord first = admitted("starter_co", "first");

    Admission second = ledger.admit(request("starter_co", "second"));
    assertThat(((Admission.Rejected) second).rejection().message())
        .isEqualTo(
            "tenant_id: tenant 'starter_co' already has 1 run in progress, the most its starter"
                + " plan allows at once; send the request again when one has ended");

    finish("starter_co", first.runId());

    assertThat(ledger.admit(request("starter_co", "second")))
        .isInstanceOf(Admission.Admitted.class);
  }

  @Test
  void aRefusedRequestWritesNothing() {
    Admission unknown = ledger.admit(request("nobody_co", "r"));
    Admission suspended = ledger.admit(request("dormant_co", "r"));

    assertThat(rejectionCode(unknown)).isEqualTo(ReasonCode.UNKNOWN_TENANT);
    assertThat(rejectionCode(suspended)).isEqualTo(ReasonCode.TENANT_SUSPENDED);
    assertThat(store.list("")).isEmpty();
  }

  @Test
  void recentRunsAreTheTenantsNewestFirst() {
    RunRecord first = admitted("scale_co", "a");
    clock.advance(Duration.ofMinutes(1));
    RunRecord second = admitted("scale_co", "b");
    clock.advance(Duration.ofMinutes(1));
    RunRecord third = admitted("scale_co", "c");
    admitted("pro_co", "other tenant");

    assertThat(ledger.recentRuns("scale_co", 10)).containsExactly(third, second, first);
    assertThat(ledger.recentRuns("scale_co", 2)).containsExactly(third, second);
    assertThat(ledger.recentRuns("nobody_co", 10)).isEmpty();
  }

  @Test
  void transitionsRecordEachStateWithTimeAndReason() {
    RunRecord run = admitted("pro_co", "life");
    clock.advance(Duration.ofMinutes(1));
    ledger.transition("pro_co", run.runId(), RunState.RUNNING, "ingest started");
    clock.advance(Duration.ofMinutes(9));

    RunRecord done =
        ledger.transition("pro_co", run.runId(), RunState.SUCCEEDED, "published 10 rows");

    assertThat(done.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(done.history())
        .extracting(StateChange::state, StateChange::at, StateChange::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                RunState.ACCEPTED, START, "admitted from a manual request"),
            org.assertj.core.groups.Tuple.tuple(
                RunState.RUNNING, START.plus(Duration.ofMinutes(1)), "ingest started"),
            org.assertj.core.groups.Tuple.tuple(
                RunState.SUCCEEDED, START.plus(Duration.ofMinutes(10)), "published 10 rows"));
    assertThat(ledger.find("pro_co", run.runId())).contains(done);
    assertThat(slotsOf("pro_co")).isEmpty();
  }

  @Test
  void aTransitionTheLifecycleForbidsIsRefusedAndChangesNothing() {
    RunRecord run = admitted("pro_co", "forbidden");
    finish("pro_co", run.runId());

    assertThatThrownBy(() -> ledger.transition("pro_co", run.runId(), RunState.RUNNING, "again"))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage(
            "run " + run.runId() + " cannot move from SUCCEEDED to RUNNING: it has already ended");
    assertThatThrownBy(() -> ledger.transition("pro_co", "2026-11-nope", RunState.RUNNING, "x"))
        .isInstanceOf(UnknownRunException.class)
        .hasMessage("tenant pro_co has no run 2026-11-nope");
    assertThat(ledger.find("pro_co", run.runId()).orElseThrow().history()).hasSize(3);
  }

  @Test
  void repeatingTheCurrentStateIsANoOpSoARetriedStepIsSafe() {
    RunRecord run = admitted("pro_co", "retry");
    RunRecord running = ledger.transition("pro_co", run.runId(), RunState.RUNNING, "started");

    RunRecord again = ledger.transition("pro_co", run.runId(), RunState.RUNNING, "started again");

    assertThat(again).isEqualTo(running);
  }

  @Test
  void ofTwoConcurrentEndingsExactlyOneWins() throws Exception {
    for (int round = 0; round < 5; round++) {
      RunRecord run = admitted("scale_co", "race-" + round);
      ledger.transition("scale_co", run.runId(), RunState.RUNNING, "started");
      List<Object> outcomes =
          concurrently(
              2,
              2,
              i ->
                  () -> {
                    RunState target = i == 0 ? RunState.SUCCEEDED : RunState.FAILED;
                    try {
                      return ledger.transition("scale_co", run.runId(), target, "end " + i);
                    } catch (IllegalTransitionException e) {
                      return e;
                    }
                  });

      assertThat(outcomes).filteredOn(RunRecord.class::isInstance).hasSize(1);
      assertThat(outcomes).filteredOn(IllegalTransitionException.class::isInstance).hasSize(1);
      assertThat(ledger.find("scale_co", run.runId()).orElseThrow().history()).hasSize(3);
    }
    assertThat(slotsOf("scale_co")).isEmpty();
  }

  @Test
  void aCrashBetweenTakingASlotAndWritingTheRunIsRepairedByTheNextAdmission() {
    store.failWrites(key -> key.startsWith("ledger/runs/"), 1);
    assertThatThrownBy(() -> ledger.admit(request("starter_co", "crashed")))
        .isInstanceOf(ObjectStoreException.class)
        .hasMessageStartingWith("injected failure: create ledger/runs/starter_co/");
    assertThat(slotsOf("starter_co")).hasSize(1);
    assertThat(store.list("ledger/runs/")).isEmpty();

    // Within the grace period the slot may still belong to a slow admission: it is kept.
    assertThat(rejectionCode(ledger.admit(request("starter_co", "next"))))
        .isEqualTo(ReasonCode.CONCURRENCY_LIMIT_REACHED);

    clock.advance(Duration.ofMinutes(2));
    RunRecord next = admitted("starter_co", "next");

    assertThat(slotsOf("starter_co")).hasSize(1);
    assertThat(store.read(slotsOf("starter_co").get(0).key()).orElseThrow().contentAsUtf8())
        .contains(next.runId());
  }

  @Test
  void theReaperTakesBackASlotWhoseRunWasNeverWritten() {
    store.failWrites(key -> key.startsWith("ledger/runs/"), 1);
    assertThatThrownBy(() -> ledger.admit(request("starter_co", "crashed")))
        .isInstanceOf(ObjectStoreException.class);
    String runId =
        RunId.derive(
            "starter_co",
            "aws-cur",
            Fixtures.request("starter_co", "x").billingPeriod(),
            "crashed");

    assertThat(ledger.reap()).isEmpty();
    clock.advance(Duration.ofMinutes(2));
    List<SlotRepair> repairs = ledger.reap();

    assertThat(repairs)
        .containsExactly(
            new SlotRepair(
                "starter_co",
                "ledger/slots/starter_co/0.json",
                runId,
                SlotRepair.Cause.RUN_NEVER_WRITTEN));
    assertThat(slotsOf("starter_co")).isEmpty();
  }

  @Test
  void aCrashBetweenEndingARunAndFreeingItsSlotIsRepairedAtOnce() {
    RunRecord run = admitted("starter_co", "ends");
    ledger.transition("starter_co", run.runId(), RunState.RUNNING, "started");
    store.failWrites(key -> key.startsWith("ledger/slots/"), 1);

    assertThatThrownBy(
            () -> ledger.transition("starter_co", run.runId(), RunState.SUCCEEDED, "published"))
        .isInstanceOf(ObjectStoreException.class);
    assertThat(ledger.find("starter_co", run.runId()).orElseThrow().state())
        .isEqualTo(RunState.SUCCEEDED);
    assertThat(slotsOf("starter_co")).hasSize(1);

    assertThat(ledger.admit(request("starter_co", "after"))).isInstanceOf(Admission.Admitted.class);
  }

  @Test
  void retryingTheEndingTransitionFreesTheSlotTheCrashLeft() {
    RunRecord run = admitted("starter_co", "ends");
    ledger.transition("starter_co", run.runId(), RunState.RUNNING, "started");
    store.failWrites(key -> key.startsWith("ledger/slots/"), 1);
    assertThatThrownBy(
            () -> ledger.transition("starter_co", run.runId(), RunState.FAILED, "check failed"))
        .isInstanceOf(ObjectStoreException.class);

    ledger.transition("starter_co", run.runId(), RunState.FAILED, "check failed");

    assertThat(slotsOf("starter_co")).isEmpty();
  }

  @Test
  void theReaperFailsARunPastItsDeadlineAndFreesItsSlot() {
    RunRecord run = admitted("pro_co", "stuck");
    ledger.transition("pro_co", run.runId(), RunState.RUNNING, "started");
    clock.advance(Duration.ofHours(5));
    assertThat(ledger.reap()).isEmpty();

    clock.advance(Duration.ofHours(1));
    List<SlotRepair> repairs = ledger.reap();

    assertThat(repairs)
        .extracting(SlotRepair::runId, SlotRepair::cause)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(run.runId(), SlotRepair.Cause.RUN_TIMED_OUT));
    RunRecord failed = ledger.find("pro_co", run.runId()).orElseThrow();
    assertThat(failed.state()).isEqualTo(RunState.FAILED);
    assertThat(failed.history().get(2).reason())
        .isEqualTo("timed out: not finished by its deadline 2026-11-22T14:00:00Z");
    assertThat(slotsOf("pro_co")).isEmpty();
  }

  /** Runs {@code tasks} tasks on {@code threads} threads, all released at once. */
  private static <T> List<T> concurrently(
      int threads, int tasks, Function<Integer, Callable<? extends T>> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<? extends T>> futures = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        Callable<? extends T> work = task.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return work.call();
                }));
      }
      start.countDown();
      List<T> results = Collections.synchronizedList(new ArrayList<>());
      for (Future<? extends T> future : futures) {
        results.add(future.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
