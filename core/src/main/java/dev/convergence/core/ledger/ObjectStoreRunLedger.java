package dev.convergence.core.ledger;

import dev.convergence.core.logging.LogContext;
import dev.convergence.core.request.ReasonCode;
import dev.convergence.core.request.RejectedRequestException;
import dev.convergence.core.request.Rejection;
import dev.convergence.core.request.RunRequest;
import dev.convergence.core.request.RunRequestValidator;
import dev.convergence.core.request.ValidatedRequest;
import dev.convergence.core.store.ObjectInfo;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.store.StoredObject;
import dev.convergence.core.tenant.Plan;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run ledger on an {@link ObjectStore}: every decision is a create-if-absent or a
 * compare-and-swap, so any number of admitting processes agree without a lock service.
 *
 * <p>Admission writes in this order: take a concurrency slot, count the run against the quotas,
 * create the run. A crash between writes leaves a slot held by a run never written; the next
 * admission that finds the tenant's slots full, or the reaper, takes it back after {@link
 * LedgerSettings#admissionGrace()}. A crash after the run ended but before its slot was freed is
 * repaired the same way, at once. A crash after counting leaves the day's count one run high: the
 * quotas err towards refusing, never towards over-running the plan.
 */
public final class ObjectStoreRunLedger implements RunLedger {

  private static final Logger log = LoggerFactory.getLogger(ObjectStoreRunLedger.class);

  private final ObjectStore store;
  private final RunRequestValidator validator;
  private final Clock clock;
  private final LedgerSettings settings;
  private final LedgerKeys keys;
  private final ConcurrencySlots slots;
  private final RunQuotas quotas;

  @Inject
  public ObjectStoreRunLedger(
      ObjectStore store, RunRequestValidator validator, Clock clock, LedgerSettings settings) {
    this.store = store;
    this.validator = validator;
    this.clock = clock;
    this.settings = settings;
    this.keys = new LedgerKeys(settings.keyPrefix());
    this.slots = new ConcurrencySlots(store, keys);
    this.quotas = new RunQuotas(store, keys, Retry.DEFAULT);
  }

  @Override
  public Admission admit(RunRequest request) {
    String requestId =
        request
            .requestId()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "a run request needs a request id to be admitted; intake supplies one"));
    String tenantId = request.tenantId();
    String runId = RunId.derive(tenantId, request.pipeline(), request.billingPeriod(), requestId);
    try (LogContext context = LogContext.forRun(tenantId, runId)) {
      Optional<RunRecord> existing = find(tenantId, runId);
      if (existing.isPresent()) {
        log.info("Request {} names run {}, already {}", requestId, runId, existing.get().state());
        return new Admission.Duplicate(existing.get());
      }
      ValidatedRequest valid;
      try {
        valid = validator.validate(request);
      } catch (RejectedRequestException e) {
        return rejected(e.rejection());
      }
      return admitValid(valid, runId, requestId);
    }
  }

  private Admission admitValid(ValidatedRequest valid, String runId, String requestId) {
    RunRequest request = valid.request();
    String tenantId = request.tenantId();
    Plan plan = valid.tenant().plan();
    Instant now = clock.instant();

    Optional<String> slot = slots.takeFree(tenantId, plan.concurrentRuns(), runId, now);
    if (slot.isEmpty()) {
      Optional<Admission> sameRun = repairSlots(tenantId, runId, now);
      if (sameRun.isPresent()) {
        return sameRun.get();
      }
      slot = slots.takeFree(tenantId, plan.concurrentRuns(), runId, now);
    }
    if (slot.isEmpty()) {
      return rejected(
          Rejection.of(
              ReasonCode.CONCURRENCY_LIMIT_REACHED,
              "tenant_id",
              "tenant '"
                  + tenantId
                  + "' already has "
                  + plan.concurrentRuns()
                  + (plan.concurrentRuns() == 1 ? " run" : " runs")
                  + " in progress, the most its "
                  + plan.wireName()
                  + " plan allows at once; send the request again when one has ended"));
    }

    Optional<Rejection> overQuota = quotas.reserve(tenantId, plan, runId, now);
    if (overQuota.isPresent()) {
      slots.release(slot.get(), runId);
      return rejected(overQuota.get());
    }

    RunRecord run =
        new RunRecord(
            runId,
            tenantId,
            request.pipeline(),
            request.billingPeriod(),
            requestId,
            request.trigger(),
            request.source().orElse(null),
            request.options().dryRun(),
            RunState.ACCEPTED,
            now.plus(settings.runTimeout()),
            List.of(
                new StateChange(
                    RunState.ACCEPTED, now, "admitted from a " + request.trigger() + " request")));
    if (store.createIfAbsent(keys.run(tenantId, runId), LedgerJson.write(run)).isEmpty()) {
      // A concurrent admission of the same run, on another slot, wrote it first.
      slots.release(slot.get(), runId);
      RunRecord winner =
          find(tenantId, runId)
              .orElseThrow(
                  () -> new LedgerContentionException("run " + runId + " vanished while admitted"));
      log.info("Request {} names run {}, admitted concurrently", requestId, runId);
      return new Admission.Duplicate(winner);
    }
    log.info(
        "Admitted run {} for pipeline {}, period {}, from a {} request ({} slot {})",
        runId,
        request.pipeline(),
        request.billingPeriod(),
        request.trigger(),
        plan.wireName(),
        slot.get());
    return new Admission.Admitted(run);
  }

  /**
   * Takes back what can be taken back among the tenant's full slots. If one is held by {@code
   * runId} itself, another admission of the same run is under way: wait for it to write the run.
   */
  private Optional<Admission> repairSlots(String tenantId, String runId, Instant now) {
    for (ConcurrencySlots.HeldSlot held : slots.held(tenantId)) {
      if (held.holder().runId().equals(runId)) {
        return Optional.of(awaitConcurrentAdmission(tenantId, runId));
      }
      repair(held, now);
    }
    return Optional.empty();
  }

  private Admission awaitConcurrentAdmission(String tenantId, String runId) {
    Instant giveUp = Instant.now().plus(settings.duplicateWait());
    while (true) {
      Optional<RunRecord> run = find(tenantId, runId);
      if (run.isPresent()) {
        log.info("Run {} was admitted by a concurrent delivery of the same request", runId);
        return new Admission.Duplicate(run.get());
      }
      if (Instant.now().isAfter(giveUp)) {
        throw new LedgerContentionException(
            "run "
                + runId
                + " holds a slot but is not written yet: another admission of it is under way"
                + " or died; retry later");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LedgerContentionException("interrupted while waiting for run " + runId);
      }
    }
  }

  private Optional<SlotRepair> repair(ConcurrencySlots.HeldSlot held, Instant now) {
    String tenantId = held.tenantId();
    String runId = held.holder().runId();
    Optional<RunRecord> run = find(tenantId, runId);
    SlotRepair.Cause cause;
    if (run.isEmpty()) {
      if (held.holder().takenAt().plus(settings.admissionGrace()).isAfter(now)) {
        return Optional.empty(); // its admission may still be writing it
      }
      cause = SlotRepair.Cause.RUN_NEVER_WRITTEN;
    } else if (run.get().isTerminal()) {
      cause = SlotRepair.Cause.RUN_ENDED;
    } else if (!now.isBefore(run.get().deadline())) {
      try {
        transition(
            tenantId,
            runId,
            RunState.FAILED,
            "timed out: not finished by its deadline " + run.get().deadline());
        cause = SlotRepair.Cause.RUN_TIMED_OUT;
      } catch (IllegalTransitionException endedMeanwhile) {
        cause = SlotRepair.Cause.RUN_ENDED;
      }
    } else {
      return Optional.empty();
    }
    slots.free(held);
    try (LogContext context = LogContext.forRun(tenantId, runId)) {
      if (cause == SlotRepair.Cause.RUN_ENDED) {
        // Usually a race with the run's own release, not a crash: worth a line, not an alarm.
        log.info("Freed slot {} of ended run {}", held.key(), runId);
      } else {
        log.warn("Took back slot {} of run {}: {}", held.key(), runId, cause);
      }
    }
    return Optional.of(new SlotRepair(tenantId, held.key(), runId, cause));
  }

  @Override
  public Optional<RunRecord> find(String tenantId, String runId) {
    return store.read(keys.run(tenantId, runId)).map(o -> LedgerJson.read(o, RunRecord.class));
  }

  @Override
  public List<RunRecord> recentRuns(String tenantId, int limit) {
    // Reads every run of the tenant: fine for the status page's volumes; an index by admission
    // time would be the next step if tenants keep tens of thousands of runs.
    List<RunRecord> runs = new ArrayList<>();
    for (ObjectInfo info : store.list(keys.runs(tenantId))) {
      store.read(info.key()).map(o -> LedgerJson.read(o, RunRecord.class)).ifPresent(runs::add);
    }
    runs.sort(
        Comparator.comparing(RunRecord::acceptedAt).thenComparing(RunRecord::runId).reversed());
    return List.copyOf(runs.subList(0, Math.min(limit, runs.size())));
  }

  @Override
  public RunRecord transition(String tenantId, String runId, RunState target, String reason) {
    String key = keys.run(tenantId, runId);
    try (LogContext context = LogContext.forRun(tenantId, runId)) {
      RunRecord moved =
          Retry.DEFAULT.untilSettled(
              "moving run " + runId + " to " + target,
              () -> {
                StoredObject object =
                    store.read(key).orElseThrow(() -> new UnknownRunException(tenantId, runId));
                RunRecord run = LedgerJson.read(object, RunRecord.class);
                if (run.state() == target) {
                  return Optional.of(run);
                }
                if (!run.state().canMoveTo(target)) {
                  throw new IllegalTransitionException(runId, run.state(), target);
                }
                RunRecord next = run.movedTo(target, clock.instant(), reason);
                return store
                        .replaceIfGeneration(key, LedgerJson.write(next), object.generation())
                        .isPresent()
                    ? Optional.of(next)
                    : Optional.<RunRecord>empty();
              });
      if (moved.isTerminal()) {
        slots.releaseHeldBy(tenantId, runId);
      }
      log.info("Run {} is {}: {}", runId, moved.state(), reason);
      return moved;
    }
  }

  @Override
  public List<SlotRepair> reap() {
    Instant now = clock.instant();
    List<SlotRepair> repairs = new ArrayList<>();
    for (ConcurrencySlots.HeldSlot held : slots.heldByAllTenants()) {
      repair(held, now).ifPresent(repairs::add);
    }
    log.info("Reaper took back {} slots", repairs.size());
    return repairs;
  }

  private static Admission rejected(Rejection rejection) {
    log.warn("Rejected run request: {} {}", rejection.code(), rejection.message());
    return new Admission.Rejected(rejection);
  }
}
