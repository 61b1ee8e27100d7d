package dev.convergence.flink.operators;

import dev.convergence.flink.allocation.CostCentres;
import dev.convergence.flink.types.RecordTypeInfo;
import dev.convergence.focus.FocusRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sums resolved FOCUS rows into {@link DailyAggregate}s, each row in its direct cost centre (see
 * {@link CostCentres}) or unallocated, keyed by {@link #key}. Each group's sum waits in keyed state
 * until the input ends (the final watermark; in BATCH mode, the end of the key), then is emitted
 * once.
 */
public final class DailyAggregator extends KeyedProcessFunction<String, FocusRow, DailyAggregate> {

  private static final long serialVersionUID = 1L;

  public static final RecordTypeInfo<DailyAggregate> TYPE =
      new RecordTypeInfo<>(DailyAggregate.class);

  private final CostCentres centres;
  private transient ValueState<DailyAggregate> sum;

  public DailyAggregator(CostCentres centres) {
    this.centres = centres;
  }

  /** The key rows are summed by: their aggregate's group. */
  public KeySelector<FocusRow, String> key() {
    CostCentres rules = centres;
    return row -> DailyAggregate.of(row, rules.directCentre(row)).groupKey();
  }

  @Override
  public void open(OpenContext openContext) {
    sum = getRuntimeContext().getState(new ValueStateDescriptor<>("daily-sum", TYPE));
  }

  @Override
  public void processElement(FocusRow row, Context ctx, Collector<DailyAggregate> out)
      throws Exception {
    DailyAggregate current = sum.value();
    DailyAggregate one = DailyAggregate.of(row, centres.directCentre(row));
    if (current == null) {
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
      sum.update(one);
    } else {
      sum.update(current.plus(one));
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<DailyAggregate> out)
      throws Exception {
    DailyAggregate total = sum.value();
    if (total != null) {
      out.collect(total);
    }
    sum.clear();
  }
}
