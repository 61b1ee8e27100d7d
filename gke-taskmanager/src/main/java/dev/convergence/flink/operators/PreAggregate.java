package dev.convergence.flink.operators;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Sums records of one key within a subtask before they cross the network: of a million rows a day
 * group sees, one partial sum per group and checkpoint travels instead. Partial sums are emitted
 * before every checkpoint barrier (so a checkpoint never holds half of them: nothing here is
 * state), when the input ends, and before the final watermark (so the keyed totals downstream,
 * which fire on that watermark, have every partial sum first). At most {@code maxKeys} keys wait at
 * once; reaching it flushes them.
 */
public final class PreAggregate<T, K> extends AbstractStreamOperator<T>
    implements OneInputStreamOperator<T, T>, BoundedOneInput {

  private static final long serialVersionUID = 1L;

  /** How two partial sums of one key become one. */
  @FunctionalInterface
  public interface Merge<T> extends Serializable {
    T merge(T a, T b);
  }

  private final KeySelector<T, K> key;
  private final Merge<T> merge;
  private final int maxKeys;
  private transient Map<K, T> pending;

  /**
   * @param key the group of a record, compared with {@code equals}: only within this subtask, so it
   *     need not be the key the sums are shuffled by, just cheap to make and to hash
   */
  public PreAggregate(KeySelector<T, K> key, Merge<T> merge, int maxKeys) {
    this.key = Objects.requireNonNull(key, "key");
    this.merge = Objects.requireNonNull(merge, "merge");
    this.maxKeys = maxKeys;
  }

  @Override
  public void open() throws Exception {
    super.open();
    pending = new HashMap<>();
  }

  @Override
  public void processElement(StreamRecord<T> element) throws Exception {
    T value = element.getValue();
    pending.merge(key.getKey(value), value, merge::merge);
    if (pending.size() >= maxKeys) {
      flush();
    }
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    if (mark.getTimestamp() == Long.MAX_VALUE) {
      flush();
    }
    super.processWatermark(mark);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    flush();
  }

  @Override
  public void endInput() {
    flush();
  }

  private void flush() {
    for (T value : pending.values()) {
      output.collect(new StreamRecord<>(value));
    }
    pending.clear();
  }
}
