package dev.convergence.flink.operators;

import dev.convergence.flink.allocation.SharedCostAllocation;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Collects a run's daily aggregates (one key for the run) and, when the input ends, emits them with
 * the unallocated ones split across cost centres ({@link SharedCostAllocation}): the weights are
 * known only once every rule-matched aggregate has arrived. The aggregates of a run are few (days ×
 * accounts × services × regions × centres), so one key holds them all.
 */
public final class AllocateSharedCost
    extends KeyedProcessFunction<String, DailyAggregate, DailyAggregate> {

  private static final long serialVersionUID = 1L;

  private transient ListState<DailyAggregate> collected;

  @Override
  public void open(OpenContext openContext) {
    collected =
        getRuntimeContext()
            .getListState(
                new ListStateDescriptor<>("daily-before-allocation", DailyAggregator.TYPE));
  }

  @Override
  public void processElement(DailyAggregate aggregate, Context ctx, Collector<DailyAggregate> out)
      throws Exception {
    // One timer per key and time: registering it again is a no-op.
    ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    collected.add(aggregate);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<DailyAggregate> out)
      throws Exception {
    List<DailyAggregate> all = new ArrayList<>();
    collected.get().forEach(all::add);
    // Emit in a fixed order so that the output files do not depend on arrival order.
    all.sort(java.util.Comparator.comparing(DailyAggregate::groupKey));
    SharedCostAllocation.allocate(all).forEach(out::collect);
    collected.clear();
  }
}
