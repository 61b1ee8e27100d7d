package dev.convergence.core.ledger;

import dev.convergence.core.launch.WorkflowLauncher;
import dev.convergence.core.logging.LogContext;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.store.StoredObject;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts each run's workflow once, however often its request is delivered. A delivery first claims
 * the start with a create-if-absent, starts the workflow, then records the execution with a
 * compare-and-swap on its claim. A delivery that finds the start recorded does nothing; one that
 * finds a fresh claim backs off (the claimer may still be starting it); one that finds a claim
 * older than {@link LedgerSettings#launchGrace()} takes it over, since its claimer died.
 */
public final class RunLaunches {

  private static final Logger log = LoggerFactory.getLogger(RunLaunches.class);

  /** A run's workflow execution, and whether this call started it. */
  public record Launch(String runId, String execution, boolean startedNow) {}

  private final ObjectStore store;
  private final Clock clock;
  private final LedgerSettings settings;
  private final LedgerKeys keys;

  @Inject
  public RunLaunches(ObjectStore store, Clock clock, LedgerSettings settings) {
    this.store = store;
    this.clock = clock;
    this.settings = settings;
    this.keys = new LedgerKeys(settings.keyPrefix());
  }

  /**
   * Starts {@code run}'s workflow unless it was started already.
   *
   * @throws LedgerContentionException when another delivery holds a fresh claim to start it
   */
  public Launch launchOnce(RunRecord run, WorkflowLauncher launcher) {
    String key = keys.launch(run.tenantId(), run.runId());
    try (LogContext context = LogContext.forRun(run.tenantId(), run.runId())) {
      Claim claim = claim(key, run);
      if (claim instanceof Claim.AlreadyStarted started) {
        return new Launch(run.runId(), started.execution(), false);
      }
      long generation = ((Claim.Held) claim).generation();
      String execution;
      try {
        execution = launcher.start(run);
      } catch (RuntimeException e) {
        // Give the claim back so the redelivery can start it at once.
        store.deleteIfGeneration(key, generation);
        throw e;
      }
      LaunchRecord started = LaunchRecord.claimed(run.runId(), clock.instant()).started(execution);
      if (store.replaceIfGeneration(key, LedgerJson.write(started), generation).isEmpty()
          && !execution(run.tenantId(), run.runId()).equals(Optional.of(execution))) {
        log.warn(
            "Run {} was started as {} after its claim was taken over; two executions may run",
            run.runId(),
            execution);
      } else {
        log.info("Started the workflow of run {}: {}", run.runId(), execution);
      }
      return new Launch(run.runId(), execution, true);
    }
  }

  /**
   * Records {@code execution} as the one running {@code run}, for a workflow started directly
   * rather than by intake. Returns the execution that runs it: {@code execution} itself, or another
   * one recorded before, in which case {@code execution} must not run it too.
   */
  public String recordExecution(RunRecord run, String execution) {
    String key = keys.launch(run.tenantId(), run.runId());
    LaunchRecord started = LaunchRecord.claimed(run.runId(), clock.instant()).started(execution);
    return Retry.DEFAULT.untilSettled(
        "recording the execution of run " + run.runId(),
        () -> {
          Optional<StoredObject> existing = store.read(key);
          if (existing.isEmpty()) {
            return store.createIfAbsent(key, LedgerJson.write(started)).isPresent()
                ? Optional.of(execution)
                : Optional.<String>empty();
          }
          LaunchRecord launch = LedgerJson.read(existing.get(), LaunchRecord.class);
          if (launch.stage() == LaunchRecord.Stage.STARTED) {
            return Optional.of(launch.execution());
          }
          // Claimed by intake, which is starting this very execution (or died doing so).
          return store
                  .replaceIfGeneration(key, LedgerJson.write(started), existing.get().generation())
                  .isPresent()
              ? Optional.of(execution)
              : Optional.<String>empty();
        });
  }

  /** The recorded execution of a run's workflow, if it was started. */
  public Optional<String> execution(String tenantId, String runId) {
    return store
        .read(keys.launch(tenantId, runId))
        .map(object -> LedgerJson.read(object, LaunchRecord.class))
        .filter(launch -> launch.stage() == LaunchRecord.Stage.STARTED)
        .map(LaunchRecord::execution);
  }

  /** What claiming a start found: the claim is ours, or the start is already recorded. */
  private sealed interface Claim {
    record Held(long generation) implements Claim {}

    record AlreadyStarted(String execution) implements Claim {}
  }

  private Claim claim(String key, RunRecord run) {
    byte[] claim = LedgerJson.write(LaunchRecord.claimed(run.runId(), clock.instant()));
    OptionalLong created = store.createIfAbsent(key, claim);
    if (created.isPresent()) {
      return new Claim.Held(created.getAsLong());
    }
    StoredObject existing =
        store
            .read(key)
            .orElseThrow(
                () -> new LedgerContentionException("the start of run " + run.runId() + " moved"));
    LaunchRecord launch = LedgerJson.read(existing, LaunchRecord.class);
    if (launch.stage() == LaunchRecord.Stage.STARTED) {
      return new Claim.AlreadyStarted(launch.execution());
    }
    if (launch.claimedAt().plus(settings.launchGrace()).isAfter(clock.instant())) {
      throw new LedgerContentionException(
          "run " + run.runId() + " is being started by another delivery; retry later");
    }
    log.warn("Taking over the start of run {}, claimed at {}", run.runId(), launch.claimedAt());
    return new Claim.Held(
        store
            .replaceIfGeneration(key, claim, existing.generation())
            .orElseThrow(
                () ->
                    new LedgerContentionException(
                        "another delivery took over the start of run " + run.runId())));
  }
}
