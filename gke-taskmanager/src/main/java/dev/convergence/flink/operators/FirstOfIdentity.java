package dev.convergence.flink.operators;

import dev.convergence.flink.types.RecordTypeInfo;
import dev.convergence.focus.FocusRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Google Cloud extracts are append-only and overlap: keyed by {@code x_row_identity}, emits the
 * first row of each identity and counts the repeats in {@link #DUPLICATES}. No event-time window is
 * involved, so a late row (exported days after its usage) is kept like any other.
 */
public final class FirstOfIdentity extends KeyedProcessFunction<String, FocusRow, FocusRow> {

  private static final long serialVersionUID = 1L;

  public static final OutputTag<SummaryEntry> DUPLICATES =
      new OutputTag<>("duplicates", new RecordTypeInfo<>(SummaryEntry.class));

  private transient ValueState<Boolean> seen;

  @Override
  public void open(OpenContext openContext) {
    seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Types.BOOLEAN));
  }

  @Override
  public void processElement(FocusRow row, Context ctx, Collector<FocusRow> out) throws Exception {
    if (seen.value() == null) {
      seen.update(Boolean.TRUE);
      out.collect(row);
    } else {
      ctx.output(DUPLICATES, SummaryEntry.one(SummaryEntry.DUPLICATES, row.billedCost()));
    }
  }
}
