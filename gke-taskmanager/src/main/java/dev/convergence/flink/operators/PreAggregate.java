package dev.convergence.flink.operators;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Sums records of one key within a subtask before they cross the network: of a million rows a day
 * group sees, one partial sum per group and checkpoint travels instead. Partial sums are emitted
 * before every checkpoint barrier (so a checkpoint never holds half of them: nothing here is
 * state), when the input ends, and before the final watermark (so the keyed totals downstream,
 * which fire on that watermark, have every partial sum first). At most {@code maxKeys} keys wait at
 * once; reaching it flushes them.
 *
 * @param <S> a running sum, mutable or not: {@link Sums#plus} says which sum follows
 */
public final class PreAggregate<IN, K, S, OUT> extends AbstractStreamOperator<OUT>
    implements OneInputStreamOperator<IN, OUT>, BoundedOneInput {

  private static final long serialVersionUID = 1L;

  /** How the records of one key are summed within the subtask. */
  public interface Sums<IN, K, S, OUT> extends Serializable {

    /**
     * The group of a record, compared with {@code equals}: only within this subtask, so it need not
     * be the key the sums are shuffled by, just cheap to make and to hash.
     */
    K key(IN record);

    /** The sum of one record. */
    S first(IN record);

    /** {@code sum} with {@code record} added: {@code sum} itself when sums are mutable. */
    S plus(S sum, IN record);

    /** What a sum leaves the subtask as. */
    OUT result(K key, S sum);
  }

  /** How two partial sums of one key become one. */
  @FunctionalInterface
  public interface Merge<T> extends Serializable {
    T merge(T a, T b);
  }

  private final Sums<IN, K, S, OUT> sums;
  private final int maxKeys;
  private transient Map<K, S> pending;

  public PreAggregate(Sums<IN, K, S, OUT> sums, int maxKeys) {
    this.sums = Objects.requireNonNull(sums, "sums");
    this.maxKeys = maxKeys;
  }

  /** Sums records that are themselves partial sums, such as counts, merged two at a time. */
  public static <T, K> PreAggregate<T, K, T, T> merging(
      SerializableFunction<T, K> key, Merge<T> merge, int maxKeys) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(merge, "merge");
    return new PreAggregate<>(
        new Sums<T, K, T, T>() {
          private static final long serialVersionUID = 1L;

          @Override
          public K key(T record) {
            return key.apply(record);
          }

          @Override
          public T first(T record) {
            return record;
          }

          @Override
          public T plus(T sum, T record) {
            return merge.merge(sum, record);
          }

          @Override
          public T result(K group, T sum) {
            return sum;
          }
        },
        maxKeys);
  }

  @Override
  public void open() throws Exception {
    super.open();
    pending = new HashMap<>();
  }

  @Override
  public void processElement(StreamRecord<IN> element) throws Exception {
    IN record = element.getValue();
    K key = sums.key(record);
    S sum = pending.get(key);
    if (sum == null) {
      pending.put(key, sums.first(record));
      if (pending.size() >= maxKeys) {
        flush();
      }
    } else {
      S next = sums.plus(sum, record);
      if (next != sum) {
        pending.put(key, next);
      }
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
    for (Map.Entry<K, S> entry : pending.entrySet()) {
      output.collect(new StreamRecord<>(sums.result(entry.getKey(), entry.getValue())));
    }
    pending.clear();
  }
}
