package dev.convergence.workflows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records the delays the executor asks for, and returns at once. */
final class RecordingSleeper implements Sleeper {

  private final List<Duration> delays = new ArrayList<>();

  @Override
  public void sleep(Duration duration) {
    delays.add(duration);
  }

  List<Duration> delays() {
    return delays;
  }
}
