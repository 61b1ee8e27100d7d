package dev.convergence.flink;

import dev.convergence.focus.FocusRow;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * A conversion tap with a failure switch: once it has passed {@code afterRows} rows, the next
 * completed checkpoint makes it throw, once per switch name across restarts (the switch lives in
 * the test JVM, which the MiniCluster shares). Flink then restores from that checkpoint.
 */
final class FailOnceAfterCheckpoint implements MapFunction<FocusRow, FocusRow>, CheckpointListener {

  private static final long serialVersionUID = 1L;
  private static final Map<String, AtomicBoolean> FIRED = new ConcurrentHashMap<>();

  private final String name;
  private final long afterRows;
  private transient long rows;

  FailOnceAfterCheckpoint(String name, long afterRows) {
    this.name = name;
    this.afterRows = afterRows;
    FIRED.put(name, new AtomicBoolean());
  }

  static boolean fired(String name) {
    return FIRED.get(name).get();
  }

  @Override
  public FocusRow map(FocusRow row) {
    rows++;
    return row;
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    if (rows >= afterRows && FIRED.get(name).compareAndSet(false, true)) {
      throw new IllegalStateException(
          "injected failure after checkpoint " + checkpointId + " and " + rows + " rows");
    }
  }
}
