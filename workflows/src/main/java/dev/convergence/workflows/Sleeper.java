package dev.convergence.workflows;

import java.time.Duration;

/**
 * How the executor waits between retries and for {@code sys.sleep}: the thread sleeps in a real
 * run, tests record the delays instead of waiting through them.
 */
@FunctionalInterface
public interface Sleeper {

  Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
