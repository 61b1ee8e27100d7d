package dev.convergence.flink.operators;

import dev.convergence.core.pipeline.AnomalySettings;
import dev.convergence.flink.anomaly.Anomaly;
import dev.convergence.flink.anomaly.AnomalyScorer;
import dev.convergence.flink.anomaly.CostPoint;
import dev.convergence.flink.types.RecordTypeInfo;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Collects one anomaly series' daily costs (this run's and earlier runs') keyed by {@link
 * CostPoint#seriesKey}, and when the input ends scores them with {@link AnomalyScorer}.
 */
public final class ScoreAnomalies extends KeyedProcessFunction<String, CostPoint, Anomaly> {

  private static final long serialVersionUID = 1L;

  public static final RecordTypeInfo<CostPoint> POINT = new RecordTypeInfo<>(CostPoint.class);
  public static final RecordTypeInfo<Anomaly> TYPE = new RecordTypeInfo<>(Anomaly.class);

  private final String tenantId;
  private final String runId;
  private final AnomalySettings settings;
  private transient ListState<CostPoint> points;

  public ScoreAnomalies(String tenantId, String runId, AnomalySettings settings) {
    this.tenantId = tenantId;
    this.runId = runId;
    this.settings = settings;
  }

  @Override
  public void open(OpenContext openContext) {
    points = getRuntimeContext().getListState(new ListStateDescriptor<>("series-points", POINT));
  }

  @Override
  public void processElement(CostPoint point, Context ctx, Collector<Anomaly> out)
      throws Exception {
    ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    points.add(point);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out) throws Exception {
    List<CostPoint> series = new ArrayList<>();
    points.get().forEach(series::add);
    new AnomalyScorer(settings).score(tenantId, runId, series).forEach(out::collect);
    points.clear();
  }
}
