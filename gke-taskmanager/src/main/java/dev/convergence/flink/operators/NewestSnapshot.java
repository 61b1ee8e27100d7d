package dev.convergence.flink.operators;

import dev.convergence.flink.types.RecordTypeInfo;
import dev.convergence.focus.FocusRow;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Restatements for snapshot providers (AWS, Azure), keyed by provider × billing account × billing
 * period: keeps the rows of the newest snapshot seen (snapshot ids are delivery instants, compared
 * as instants) and drops every row of an older one, whatever order files arrive in. Rows wait in
 * keyed state until the input ends (the final watermark), then the survivors are emitted; dropped
 * rows are counted in {@link #SUPERSEDED}.
 */
public final class NewestSnapshot extends KeyedProcessFunction<String, FocusRow, FocusRow> {

  private static final long serialVersionUID = 1L;

  public static final OutputTag<SummaryEntry> SUPERSEDED =
      new OutputTag<>("superseded", new RecordTypeInfo<>(SummaryEntry.class));

  private transient ValueState<String> newest;
  private transient ListState<FocusRow> rows;

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
            .getListState(new ListStateDescriptor<>("newest-rows", RecordTypeInfo.FOCUS_ROW));
  }

  @Override
  public void processElement(FocusRow row, Context ctx, Collector<FocusRow> out) throws Exception {
    String current = newest.value();
    if (current == null) {
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }
    int order = current == null ? 1 : compare(row.xSnapshotId(), current);
    if (order > 0) {
      if (current != null) {
        for (FocusRow old : rows.get()) {
          ctx.output(SUPERSEDED, SummaryEntry.one(SummaryEntry.SUPERSEDED, old.billedCost()));
        }
        rows.clear();
      }
      newest.update(row.xSnapshotId());
      rows.add(row);
    } else if (order == 0) {
      rows.add(row);
    } else {
      ctx.output(SUPERSEDED, SummaryEntry.one(SummaryEntry.SUPERSEDED, row.billedCost()));
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<FocusRow> out)
      throws Exception {
    for (FocusRow row : rows.get()) {
      out.collect(row);
    }
    rows.clear();
    newest.clear();
  }

  static int compare(String a, String b) {
    return Instant.parse(a).compareTo(Instant.parse(b));
  }
}
