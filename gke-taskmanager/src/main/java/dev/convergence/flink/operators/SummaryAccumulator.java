package dev.convergence.flink.operators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convergence.flink.types.RecordTypeInfo;
import java.math.BigDecimal;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sums {@link SummaryEntry} contributions per output (one key for the whole run) and, when the
 * input ends, emits the run summary as one JSON object: per output its row count and cost total as
 * an exact decimal string. For the daily aggregates, the rows are aggregate lines and the cost is
 * the sum of their BilledCost, which equals the FOCUS rows' total.
 */
public final class SummaryAccumulator extends KeyedProcessFunction<String, SummaryEntry, String> {

  private static final long serialVersionUID = 1L;

  private static final List<String> OUTPUTS =
      List.of(
          SummaryEntry.FOCUS_ROWS,
          SummaryEntry.REJECTS,
          SummaryEntry.DAILY,
          SummaryEntry.ANOMALIES,
          SummaryEntry.SUPERSEDED,
          SummaryEntry.DUPLICATES);

  private final String tenantId;
  private final String runId;
  private transient MapState<String, SummaryEntry> totals;

  public SummaryAccumulator(String tenantId, String runId) {
    this.tenantId = tenantId;
    this.runId = runId;
  }

  @Override
  public void open(OpenContext openContext) {
    totals =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "totals", Types.STRING, new RecordTypeInfo<>(SummaryEntry.class)));
  }

  @Override
  public void processElement(SummaryEntry entry, Context ctx, Collector<String> out)
      throws Exception {
    if (totals.isEmpty()) {
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }
    SummaryEntry sum = totals.get(entry.output());
    totals.put(entry.output(), sum == null ? entry : sum.plus(entry));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode summary = json.createObjectNode();
    summary.put("tenant_id", tenantId);
    summary.put("run_id", runId);
    ObjectNode outputs = summary.putObject("outputs");
    for (String name : OUTPUTS) {
      SummaryEntry sum = totals.get(name);
      ObjectNode node = outputs.putObject(name);
      node.put("rows", sum == null ? 0 : sum.rows());
      BigDecimal cost = sum == null ? BigDecimal.ZERO : sum.cost();
      node.put(costName(name), cost.toPlainString());
    }
    out.collect(json.writeValueAsString(summary));
    totals.clear();
  }

  /** What the cost total of an output sums: rejects' raw cost, anomalies' EffectiveCost. */
  private static String costName(String output) {
    return switch (output) {
      case SummaryEntry.REJECTS -> "raw_cost";
      case SummaryEntry.ANOMALIES -> "effective_cost";
      default -> "billed_cost";
    };
  }
}
