package dev.convergence.core.ledger;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a compare-and-swap attempt until it settles, with a short random pause between attempts so
 * contending writers spread out. An attempt returns a value when settled, empty when it lost a race
 * and should be tried again.
 */
final class Retry {

  static final Retry DEFAULT = new Retry(200);

  private final int maxAttempts;

  Retry(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  <T> T untilSettled(String what, Supplier<Optional<T>> attempt) {
    for (int i = 1; i <= maxAttempts; i++) {
      Optional<T> settled = attempt.get();
      if (settled.isPresent()) {
        return settled.get();
      }
      pause(i);
    }
    throw new LedgerContentionException(
        what + ": still contended after " + maxAttempts + " attempts; retry later");
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2 + Math.min(attempt, 20)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedgerContentionException("interrupted while waiting to retry");
    }
  }
}
