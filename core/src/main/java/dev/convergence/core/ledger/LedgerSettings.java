package dev.convergence.core.ledger;

import dev.convergence.core.store.ObjectKeys;
import java.time.Duration;
import java.util.Objects;

/**
 * How the run ledger behaves.
 *
 * @param keyPrefix where in the object store the ledger lives, ending in {@code /}
 * @param runTimeout how long a run may take before the reaper fails it and frees its slot
 * @param admissionGrace how long a slot may be held by a run that was never written (its admission
 *     died between the two writes) before it is taken back
 * @param duplicateWait how long an admission waits for a concurrent admission of the same run to
 *     write it, before giving up with {@link LedgerContentionException}
 * @param launchGrace how long a claim to start a run's workflow may stand without the start being
 *     recorded (its claimer died mid-start) before another delivery may take it over
 */
public record LedgerSettings(
    String keyPrefix,
    Duration runTimeout,
    Duration admissionGrace,
    Duration duplicateWait,
    Duration launchGrace) {

  public static final LedgerSettings DEFAULT =
      new LedgerSettings(
          "ledger/",
          Duration.ofHours(6),
          Duration.ofMinutes(2),
          Duration.ofSeconds(2),
          Duration.ofMinutes(5));

  public LedgerSettings {
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    if (!keyPrefix.endsWith("/")) {
      throw new IllegalArgumentException("ledger key prefix must end in '/': " + keyPrefix);
    }
    ObjectKeys.checkPrefix(keyPrefix);
    requirePositive(runTimeout, "runTimeout");
    requirePositive(admissionGrace, "admissionGrace");
    Objects.requireNonNull(duplicateWait, "duplicateWait");
    requirePositive(launchGrace, "launchGrace");
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }
}
