package dev.convergence.flink.operators;

import dev.convergence.core.provider.Provider;
import dev.convergence.flink.types.RecordTypeInfo;
import dev.convergence.focus.FocusRow;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Sorts converted rows by what restatement needs of them, in the converting subtask, so that only
 * rows that need keyed state cross the network:
 *
 * <ul>
 *   <li>rows of the newest delivery among the job's inputs (per provider) cannot be superseded:
 *       they stay on the main output, and the first one of each restatement key in this subtask
 *       also sends a {@link SnapshotSeen} to {@link #SEEN};
 *   <li>rows of an older delivery go to {@link #OLDER}, for {@link NewestSnapshot} to keep or drop,
 *       unless this subtask has already seen their key in the newest delivery: then they are
 *       superseded for certain, and are dropped here (counted in {@link NewestSnapshot#SUPERSEDED})
 *       rather than sent to be dropped there;
 *   <li>rows without a snapshot (append-only providers) go to {@link #APPEND_ONLY}, for {@link
 *       FirstOfIdentity}.
 * </ul>
 *
 * A run whose inputs are one delivery, as ingest's manifest gives, sends no row over the network.
 */
public final class SplitByRestatement extends ProcessFunction<FocusRow, FocusRow> {

  private static final long serialVersionUID = 1L;

  public static final OutputTag<FocusRow> OLDER =
      new OutputTag<>("older-snapshot-rows", RecordTypeInfo.FOCUS_ROW);
  public static final OutputTag<FocusRow> APPEND_ONLY =
      new OutputTag<>("append-only-rows", RecordTypeInfo.FOCUS_ROW);
  public static final OutputTag<SnapshotSeen> SEEN =
      new OutputTag<>("snapshots-seen", new RecordTypeInfo<>(SnapshotSeen.class));

  private final EnumMap<Provider, String> newestDelivered;
  private transient Map<String, Instant> instants;
  private transient Set<Seen> seen;

  /**
   * A restatement key as a value: the same keys as {@link NewestSnapshot#key}, but made and hashed
   * per row without formatting the billing period.
   */
  private record Seen(Provider provider, String billingAccountId, Instant billingPeriodStart) {}

  /**
   * @param newestDelivered the newest snapshot id among the job's inputs, per snapshot provider
   *     ({@link NewestSnapshot#newestDelivered})
   */
  public SplitByRestatement(Map<Provider, String> newestDelivered) {
    this.newestDelivered = new EnumMap<>(Provider.class);
    this.newestDelivered.putAll(newestDelivered);
  }

  @Override
  public void open(OpenContext openContext) {
    instants = new HashMap<>();
    seen = new HashSet<>();
  }

  @Override
  public void processElement(FocusRow row, Context ctx, Collector<FocusRow> out) {
    String snapshot = row.xSnapshotId();
    if (snapshot == null) {
      ctx.output(APPEND_ONLY, row);
      return;
    }
    String newest = newestDelivered.get(row.xProvider());
    Seen key = new Seen(row.xProvider(), row.billingAccountId(), row.billingPeriodStart());
    if (newest == null || !isNewest(snapshot, newest)) {
      if (seen.contains(key)) {
        ctx.output(
            NewestSnapshot.SUPERSEDED, SummaryEntry.one(SummaryEntry.SUPERSEDED, row.billedCost()));
      } else {
        ctx.output(OLDER, row);
      }
      return;
    }
    if (seen.add(key)) {
      ctx.output(SEEN, new SnapshotSeen(NewestSnapshot.key(row), snapshot));
    }
    out.collect(row);
  }

  /** Whether {@code snapshot} is (at least) the newest delivery; ids are compared as instants. */
  private boolean isNewest(String snapshot, String newest) {
    return snapshot.equals(newest) || !instant(snapshot).isBefore(instant(newest));
  }

  private Instant instant(String snapshotId) {
    return instants.computeIfAbsent(snapshotId, Instant::parse);
  }
}
