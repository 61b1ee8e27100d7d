package dev.convergence.flink.operators;

import dev.convergence.core.provider.Provider;
import dev.convergence.flink.args.InputFile;
import dev.convergence.flink.types.RecordTypeInfo;
import dev.convergence.focus.FocusRow;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Restatements for snapshot providers (AWS, Azure), keyed by provider × billing account × billing
 * period ({@link #key}): of the rows of older deliveries (first input), keeps those of the newest
 * snapshot seen and drops every row of an older one, whatever order files arrive in; dropped rows
 * are counted in {@link #SUPERSEDED}. Snapshot ids are delivery instants, compared as instants.
 *
 * <p>Rows of the newest delivery among the job's inputs never come here ({@link SplitByRestatement}
 * passes them straight on); the second input says that a key has some ({@link SnapshotSeen}), which
 * supersedes every row of that key waiting here or still to come. Rows of an older delivery wait in
 * keyed state until the input ends (the final watermark), in case a newer snapshot of their key
 * still comes.
 */
public final class NewestSnapshot
    extends KeyedCoProcessFunction<String, FocusRow, SnapshotSeen, FocusRow> {

  private static final long serialVersionUID = 1L;

  public static final OutputTag<SummaryEntry> SUPERSEDED =
      new OutputTag<>("superseded", new RecordTypeInfo<>(SummaryEntry.class));

  private transient ValueState<String> newest;
  private transient MapState<Long, FocusRow> rows;
  private transient ValueState<SummaryEntry> waiting;
  private transient Map<String, Instant> instants;

  /** The newest snapshot id of each snapshot provider among {@code inputs}. */
  public static Map<Provider, String> newestDelivered(List<InputFile> inputs) {
    Map<Provider, String> newest = new HashMap<>();
    for (InputFile input : inputs) {
      if (input.snapshotId() != null) {
        newest.merge(
            input.format().provider(),
            input.snapshotId(),
            (a, b) -> Instant.parse(a).compareTo(Instant.parse(b)) >= 0 ? a : b);
      }
    }
    return newest;
  }

  /** The key rows are resolved by. */
  public static String key(FocusRow row) {
    return row.xProvider().wireName()
        + '|'
        + row.billingAccountId()
        + '|'
        + row.billingPeriodStart();
  }

  @Override
  public void open(OpenContext openContext) {
    newest =
        getRuntimeContext().getState(new ValueStateDescriptor<>("newest-snapshot", Types.STRING));
    rows =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("newest-rows", Types.LONG, RecordTypeInfo.FOCUS_ROW));
    waiting =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "newest-rows-total", new RecordTypeInfo<>(SummaryEntry.class)));
    instants = new HashMap<>();
  }

  @Override
  public void processElement1(FocusRow row, Context ctx, Collector<FocusRow> out) throws Exception {
    String snapshot = row.xSnapshotId();
    String current = newest.value();
    int order = current == null ? 1 : compareIds(snapshot, current);
    if (order > 0) {
      supersedeKept(ctx);
      newest.update(snapshot);
      keep(row);
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    } else if (order == 0) {
      keep(row);
    } else {
      ctx.output(SUPERSEDED, SummaryEntry.one(SummaryEntry.SUPERSEDED, row.billedCost()));
    }
  }

  @Override
  public void processElement2(SnapshotSeen seen, Context ctx, Collector<FocusRow> out)
      throws Exception {
    String current = newest.value();
    if (current == null || compareIds(current, seen.snapshotId()) < 0) {
      supersedeKept(ctx);
      newest.update(seen.snapshotId());
    }
  }

  private void keep(FocusRow row) throws Exception {
    SummaryEntry total = waiting.value();
    SummaryEntry one = SummaryEntry.one(SummaryEntry.SUPERSEDED, row.billedCost());
    rows.put(total == null ? 0 : total.rows(), row);
    waiting.update(total == null ? one : total.plus(one));
  }

  /** Counts the waiting rows as superseded, all at once, and forgets them. */
  private void supersedeKept(Context ctx) throws Exception {
    SummaryEntry total = waiting.value();
    if (total == null) {
      return;
    }
    ctx.output(SUPERSEDED, total);
    rows.clear();
    waiting.clear();
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<FocusRow> out)
      throws Exception {
    for (FocusRow row : rows.values()) {
      out.collect(row);
    }
    rows.clear();
    waiting.clear();
    newest.clear();
  }

  private int compareIds(String a, String b) {
    return instants
        .computeIfAbsent(a, Instant::parse)
        .compareTo(instants.computeIfAbsent(b, Instant::parse));
  }
}
