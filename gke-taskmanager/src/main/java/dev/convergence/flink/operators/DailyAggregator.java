package dev.convergence.flink.operators;

import dev.convergence.flink.types.RecordTypeInfo;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sums partial {@link DailyAggregate}s (each a subtask's {@link RowDailySums} of its rows) into one
 * per group, keyed by {@link DailyAggregate#groupKey}. Each group's sum waits in keyed state until
 * the input ends (the final watermark; in BATCH mode, the end of the key), then is emitted once.
 */
public final class DailyAggregator
    extends KeyedProcessFunction<String, DailyAggregate, DailyAggregate> {

  private static final long serialVersionUID = 1L;

  public static final RecordTypeInfo<DailyAggregate> TYPE =
      new RecordTypeInfo<>(DailyAggregate.class);

  private transient ValueState<DailyAggregate> sum;

  @Override
  public void open(OpenContext openContext) {
    sum = getRuntimeContext().getState(new ValueStateDescriptor<>("daily-sum", TYPE));
  }

  @Override
  public void processElement(DailyAggregate part, Context ctx, Collector<DailyAggregate> out)
      throws Exception {
    DailyAggregate current = sum.value();
    if (current == null) {
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
      sum.update(part);
    } else {
      sum.update(current.plus(part));
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
