package dev.convergence.flink;

import dev.convergence.core.pipeline.ProcessingRules;
import dev.convergence.flink.allocation.CostCentres;
import dev.convergence.flink.anomaly.Anomaly;
import dev.convergence.flink.anomaly.CostPoint;
import dev.convergence.flink.anomaly.PointOrigin;
import dev.convergence.flink.args.InputFile;
import dev.convergence.flink.input.FileRange;
import dev.convergence.flink.input.PlanRanges;
import dev.convergence.flink.operators.AllocateSharedCost;
import dev.convergence.flink.operators.ConvertFile;
import dev.convergence.flink.operators.DailyAggregate;
import dev.convergence.flink.operators.DailyAggregator;
import dev.convergence.flink.operators.FirstOfIdentity;
import dev.convergence.flink.operators.NewestSnapshot;
import dev.convergence.flink.operators.PreAggregate;
import dev.convergence.flink.operators.ReadHistory;
import dev.convergence.flink.operators.RejectedRecord;
import dev.convergence.flink.operators.RowDailySums;
import dev.convergence.flink.operators.ScoreAnomalies;
import dev.convergence.flink.operators.SnapshotSeen;
import dev.convergence.flink.operators.SplitByRestatement;
import dev.convergence.flink.operators.SummaryAccumulator;
import dev.convergence.flink.operators.SummaryEntry;
import dev.convergence.flink.types.RecordTypeInfo;
import dev.convergence.focus.FocusRow;
import java.time.Instant;
import java.util.Comparator;
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
 * files, newest first ─► cut into parts (one planner) ─► convert (a part per call) ┬─► rejects
 *                                                                                  └─► split by restatement
 *   ├─ rows of the newest delivery ──────────────────────────────────────────────────┐ (A)
 *   ├─ rows of older snapshots: keyBy account×period ─► newest snapshot ─────────────┤ (B)
 *   │     └ keys the newest delivery has ─────────────────────┘ (supersede)         │
 *   └─ Google Cloud rows: keyBy x_row_identity ─► first only ─────────────────────────┤ (C)
 * each of A, B, C ─► FOCUS rows, and partial sums per day group within the subtask ◄──┘
 *   keyBy day×period×account×sub×service×region×category×currency×direct cost centre ─► sum at end
 *   ─► split unallocated cost by direct cost (one key, end of input) ─► daily
 *        └─► usage cost per day ─┬─► keyBy series ─► score against trailing median ─► anomalies
 * history (earlier daily) ───────┘
 * every output ─► summary (one JSON object)
 * </pre>
 *
 * <p>Rows of the newest delivery, all rows in a run of one delivery, never cross the network: they
 * are written and summed in the subtask that converted them. Only rows that restatement needs keyed
 * state for are shuffled.
 */
public final class FocusPipeline {

  static final RecordTypeInfo<FocusRow> ROW = RecordTypeInfo.FOCUS_ROW;
  static final RecordTypeInfo<SummaryEntry> ENTRY = new RecordTypeInfo<>(SummaryEntry.class);

  static final RecordTypeInfo<FileRange> RANGE = new RecordTypeInfo<>(FileRange.class);

  /**
   * About how large a part of a text file one converter call reads: small enough that a large file
   * keeps every subtask busy and checkpoints come every few seconds, large enough that reading each
   * part's header again costs nothing.
   */
  static final long PART_BYTES = 32L << 20;

  /** How many groups a subtask sums locally before it sends them on (checkpoints flush too). */
  static final int PENDING_GROUPS = 50_000;

  private final String tenantId;
  private final String runId;
  private final ProcessingRules rules;
  private final MapFunction<FocusRow, FocusRow> conversionTap;
  private final long partBytes;

  public FocusPipeline(String tenantId, String runId, ProcessingRules rules) {
    this(tenantId, runId, rules, null, PART_BYTES);
  }

  private FocusPipeline(
      String tenantId,
      String runId,
      ProcessingRules rules,
      MapFunction<FocusRow, FocusRow> conversionTap,
      long partBytes) {
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    this.runId = Objects.requireNonNull(runId, "runId");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.conversionTap = conversionTap;
    this.partBytes = partBytes;
  }

  /**
   * A pipeline with an extra operator after conversion that sees every converted row: for tests
   * that inject a failure.
   */
  public FocusPipeline withConversionTap(MapFunction<FocusRow, FocusRow> tap) {
    return new FocusPipeline(tenantId, runId, rules, Objects.requireNonNull(tap, "tap"), partBytes);
  }

  /**
   * A pipeline that cuts text files into parts of about {@code bytes}: for tests on small files.
   */
  public FocusPipeline withPartBytes(long bytes) {
    return new FocusPipeline(tenantId, runId, rules, conversionTap, bytes);
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
        env.fromData(newestFirst(inputs), new RecordTypeInfo<>(InputFile.class))
            .name("input-files");
    SingleOutputStreamOperator<FocusRow> converted =
        files
            .process(new PlanRanges(partBytes), RANGE)
            .setParallelism(1)
            .name("cut-into-parts")
            .rebalance()
            .process(new ConvertFile(tenantId, runId), ROW)
            .name("convert-to-focus");
    DataStream<FocusRow> rows = converted;
    if (conversionTap != null) {
      rows = converted.map(conversionTap, ROW).name("conversion-tap");
    }
    DataStream<RejectedRecord> rejects = converted.getSideOutput(ConvertFile.REJECTS);

    SingleOutputStreamOperator<FocusRow> newestDelivery =
        rows.process(new SplitByRestatement(NewestSnapshot.newestDelivered(inputs)), ROW)
            .name("split-by-restatement");
    SingleOutputStreamOperator<FocusRow> olderSnapshots =
        newestDelivery
            .getSideOutput(SplitByRestatement.OLDER)
            .keyBy(NewestSnapshot::key, Types.STRING)
            .connect(
                newestDelivery
                    .getSideOutput(SplitByRestatement.SEEN)
                    .keyBy(SnapshotSeen::key, Types.STRING))
            .process(new NewestSnapshot(), ROW)
            .name("newest-snapshot");
    SingleOutputStreamOperator<FocusRow> appendOnly =
        newestDelivery
            .getSideOutput(SplitByRestatement.APPEND_ONLY)
            .keyBy(FocusRow::xRowIdentity, Types.STRING)
            .process(new FirstOfIdentity(), ROW)
            .name("first-of-identity");

    CostCentres centres = new CostCentres(rules.allocation());
    DataStream<DailyAggregate> rowSums =
        written("newest-delivery", newestDelivery, centres, sinks)
            .union(
                written("older-snapshots", olderSnapshots, centres, sinks),
                written("append-only", appendOnly, centres, sinks));
    rejects.sinkTo(sinks.rejects()).name("rejects");

    SingleOutputStreamOperator<DailyAggregate> daily =
        rowSums
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

    // Every FOCUS row is in exactly one partial daily sum, so those sums count the rows too.
    DataStream<SummaryEntry> entries =
        rowSums
            .map(
                sum -> SummaryEntry.of(SummaryEntry.FOCUS_ROWS, sum.rowCount(), sum.billedCost()),
                ENTRY)
            .name("count-rows")
            .union(
                summed(
                    "count-rejects",
                    rejects
                        .map(r -> SummaryEntry.one(SummaryEntry.REJECTS, r.rawCost()), ENTRY)
                        .name("reject-entries")),
                daily
                    .map(a -> SummaryEntry.one(SummaryEntry.DAILY, a.billedCost()), ENTRY)
                    .name("count-daily"),
                anomalies
                    .map(a -> SummaryEntry.one(SummaryEntry.ANOMALIES, a.effectiveCost()), ENTRY)
                    .name("count-anomalies"),
                summed("count-superseded", olderSnapshots.getSideOutput(NewestSnapshot.SUPERSEDED)),
                summed(
                    "count-superseded-on-sight",
                    newestDelivery.getSideOutput(NewestSnapshot.SUPERSEDED)),
                summed("count-duplicates", appendOnly.getSideOutput(FirstOfIdentity.DUPLICATES)));
    entries
        .keyBy(entry -> "run", Types.STRING)
        .process(new SummaryAccumulator(tenantId, runId), Types.STRING)
        .setParallelism(1)
        .name("summary")
        .sinkTo(sinks.summary())
        .setParallelism(1)
        .name("summary-file");
  }

  /**
   * Writes one resolved stream of FOCUS rows and sums it per daily group within the subtask. Each
   * resolved stream gets its own sink and sums, chained to the operator that resolved it: a union
   * of the streams would send every row through a serializer once more.
   */
  private static DataStream<DailyAggregate> written(
      String branch, DataStream<FocusRow> resolved, CostCentres centres, FocusSinks sinks) {
    resolved.sinkTo(sinks.rows()).name("focus-rows-" + branch);
    return resolved.transform(
        "daily-sums-" + branch,
        DailyAggregator.TYPE,
        new PreAggregate<>(new RowDailySums(centres), PENDING_GROUPS));
  }

  /**
   * The inputs with newer deliveries first. One planner cuts them in this order and deals the parts
   * out in turn, so every converter gets all its parts of the newest delivery before any older
   * part: by then it has seen the newest delivery's keys, and drops older rows of them on sight.
   * With a planner per subtask, a converter could meet a run of older parts first and ship every
   * row of them to keyed state. The planner only looks for record boundaries, several times faster
   * than conversion, so one is enough.
   */
  static List<InputFile> newestFirst(List<InputFile> inputs) {
    return inputs.stream()
        .sorted(
            Comparator.comparing(
                (InputFile input) ->
                    input.snapshotId() == null ? Instant.MIN : Instant.parse(input.snapshotId()),
                Comparator.reverseOrder()))
        .toList();
  }

  /** One entry per row becomes one partial sum per subtask before it leaves the subtask. */
  private static DataStream<SummaryEntry> summed(String name, DataStream<SummaryEntry> entries) {
    return entries.transform(
        name,
        ENTRY,
        PreAggregate.merging(SummaryEntry::output, SummaryEntry::plus, PENDING_GROUPS));
  }
}
