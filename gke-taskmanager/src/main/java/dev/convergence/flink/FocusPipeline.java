package dev.convergence.flink;

import dev.convergence.core.pipeline.ProcessingRules;
import dev.convergence.flink.allocation.CostCentres;
import dev.convergence.flink.anomaly.Anomaly;
import dev.convergence.flink.anomaly.CostPoint;
import dev.convergence.flink.anomaly.PointOrigin;
import dev.convergence.flink.args.InputFile;
import dev.convergence.flink.operators.AllocateSharedCost;
import dev.convergence.flink.operators.ConvertFile;
import dev.convergence.flink.operators.DailyAggregate;
import dev.convergence.flink.operators.DailyAggregator;
import dev.convergence.flink.operators.FirstOfIdentity;
import dev.convergence.flink.operators.NewestSnapshot;
import dev.convergence.flink.operators.PreAggregate;
import dev.convergence.flink.operators.ReadHistory;
import dev.convergence.flink.operators.RejectedRecord;
import dev.convergence.flink.operators.ScoreAnomalies;
import dev.convergence.flink.operators.SummaryAccumulator;
import dev.convergence.flink.operators.SummaryEntry;
import dev.convergence.flink.types.RecordTypeInfo;
import dev.convergence.focus.FocusRow;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The FOCUS job's dataflow, built onto an environment from input files and sinks handed in (the
 * entry point hands in the real ones, tests their own):
 *
 * <pre>
 * files ─► convert (parallel, one file per call) ─┬─► AWS/Azure: keyBy account×period ─► newest snapshot ─┐
 *                                                 ├─► Google Cloud: keyBy x_row_identity ─► first only ──┴─► focus ─┐
 *                                                 └─► rejects                                                       │
 *        keyBy day×period×account×sub×service×region×category×currency×direct cost centre ─► sum at end of input ◄┘
 *                                                                                      │
 *                  daily ◄─ split unallocated cost by direct cost (one key, end of input) ◄┘
 *                    └─► usage cost per day ─┬─► keyBy series ─► score against trailing median ─► anomalies
 * history (earlier daily aggregates) ────────┘
 * every output ─► summary (one JSON object)
 * </pre>
 */
public final class FocusPipeline {

  static final RecordTypeInfo<FocusRow> ROW = RecordTypeInfo.FOCUS_ROW;
  static final RecordTypeInfo<SummaryEntry> ENTRY = new RecordTypeInfo<>(SummaryEntry.class);

  /** How many groups a subtask sums locally before it sends them on (checkpoints flush too). */
  static final int PENDING_GROUPS = 50_000;

  private final String tenantId;
  private final String runId;
  private final ProcessingRules rules;
  private final MapFunction<FocusRow, FocusRow> conversionTap;

  public FocusPipeline(String tenantId, String runId, ProcessingRules rules) {
    this(tenantId, runId, rules, null);
  }

  private FocusPipeline(
      String tenantId,
      String runId,
      ProcessingRules rules,
      MapFunction<FocusRow, FocusRow> conversionTap) {
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    this.runId = Objects.requireNonNull(runId, "runId");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.conversionTap = conversionTap;
  }

  /**
   * A pipeline with an extra operator after conversion that sees every converted row: for tests
   * that inject a failure.
   */
  public FocusPipeline withConversionTap(MapFunction<FocusRow, FocusRow> tap) {
    return new FocusPipeline(tenantId, runId, rules, Objects.requireNonNull(tap, "tap"));
  }

  /**
   * Adds the job to {@code env}.
   *
   * @param history earlier runs' daily aggregates (files or directories of Parquet), seeding the
   *     anomaly baselines; may be empty
   */
  public void build(
      StreamExecutionEnvironment env,
      List<InputFile> inputs,
      List<String> history,
      FocusSinks sinks) {
    DataStream<InputFile> files =
        env.fromData(List.copyOf(inputs), new RecordTypeInfo<>(InputFile.class))
            .name("input-files");
    SingleOutputStreamOperator<FocusRow> converted =
        files.rebalance().process(new ConvertFile(tenantId, runId), ROW).name("convert-to-focus");
    DataStream<FocusRow> rows = converted;
    if (conversionTap != null) {
      rows = converted.map(conversionTap, ROW).name("conversion-tap");
    }
    DataStream<RejectedRecord> rejects = converted.getSideOutput(ConvertFile.REJECTS);

    SingleOutputStreamOperator<FocusRow> snapshots =
        rows.filter(row -> row.xSnapshotId() != null)
            .name("snapshot-rows")
            .keyBy(NewestSnapshot::key, Types.STRING)
            .process(new NewestSnapshot(NewestSnapshot.newestDelivered(inputs)), ROW)
            .name("newest-snapshot");
    SingleOutputStreamOperator<FocusRow> appendOnly =
        rows.filter(row -> row.xSnapshotId() == null)
            .name("append-only-rows")
            .keyBy(FocusRow::xRowIdentity, Types.STRING)
            .process(new FirstOfIdentity(), ROW)
            .name("first-of-identity");
    DataStream<FocusRow> resolved = snapshots.union(appendOnly);

    resolved.sinkTo(sinks.rows()).name("focus-rows");
    rejects.sinkTo(sinks.rejects()).name("rejects");

    CostCentres centres = new CostCentres(rules.allocation());
    SingleOutputStreamOperator<DailyAggregate> daily =
        resolved
            .map(row -> DailyAggregate.of(row, centres.directCentre(row)), DailyAggregator.TYPE)
            .name("row-aggregates")
            .transform(
                "pre-aggregate-daily",
                DailyAggregator.TYPE,
                new PreAggregate<>(DailyAggregate::groupKey, DailyAggregate::plus, PENDING_GROUPS))
            .keyBy(DailyAggregate::groupKey, Types.STRING)
            .process(new DailyAggregator(), DailyAggregator.TYPE)
            .name("daily-aggregates")
            .keyBy(aggregate -> "run", Types.STRING)
            .process(new AllocateSharedCost(), DailyAggregator.TYPE)
            .setParallelism(1)
            .name("allocate-shared-cost");
    daily.sinkTo(sinks.daily()).name("daily-aggregates-files");

    DataStream<CostPoint> points =
        daily
            .filter(CostPoint::scored)
            .name("usage-days")
            .map(a -> CostPoint.of(a, PointOrigin.RUN), ScoreAnomalies.POINT)
            .name("cost-points");
    if (!history.isEmpty()) {
      points =
          points.union(
              env.fromData(List.copyOf(history), Types.STRING)
                  .name("history-files")
                  .rebalance()
                  .process(new ReadHistory(), ScoreAnomalies.POINT)
                  .name("read-history"));
    }
    SingleOutputStreamOperator<Anomaly> anomalies =
        points
            .keyBy(CostPoint::seriesKey, Types.STRING)
            .process(new ScoreAnomalies(tenantId, runId, rules.anomaly()), ScoreAnomalies.TYPE)
            .name("score-anomalies");
    anomalies.sinkTo(sinks.anomalies()).name("anomalies-files");

    DataStream<SummaryEntry> entries =
        resolved
            .map(row -> SummaryEntry.one(SummaryEntry.FOCUS_ROWS, row.billedCost()), ENTRY)
            .name("count-rows")
            .union(
                rejects
                    .map(r -> SummaryEntry.one(SummaryEntry.REJECTS, r.rawCost()), ENTRY)
                    .name("count-rejects"),
                daily
                    .map(a -> SummaryEntry.one(SummaryEntry.DAILY, a.billedCost()), ENTRY)
                    .name("count-daily"),
                anomalies
                    .map(a -> SummaryEntry.one(SummaryEntry.ANOMALIES, a.effectiveCost()), ENTRY)
                    .name("count-anomalies"),
                snapshots.getSideOutput(NewestSnapshot.SUPERSEDED),
                appendOnly.getSideOutput(FirstOfIdentity.DUPLICATES));
    entries
        .transform(
            "pre-aggregate-summary",
            ENTRY,
            new PreAggregate<>(SummaryEntry::output, SummaryEntry::plus, PENDING_GROUPS))
        .keyBy(entry -> "run", Types.STRING)
        .process(new SummaryAccumulator(tenantId, runId), Types.STRING)
        .setParallelism(1)
        .name("summary")
        .sinkTo(sinks.summary())
        .setParallelism(1)
        .name("summary-file");
  }
}
