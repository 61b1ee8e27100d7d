package dev.convergence.flink;

import dev.convergence.flink.args.InputFile;
import dev.convergence.flink.operators.ConvertFile;
import dev.convergence.flink.operators.DailyAggregate;
import dev.convergence.flink.operators.DailyAggregator;
import dev.convergence.flink.operators.FirstOfIdentity;
import dev.convergence.flink.operators.NewestSnapshot;
import dev.convergence.flink.operators.RejectedRecord;
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
 *                                  daily ◄─ sum at end of input ◄─ keyBy day×provider×account×sub×service×region ◄─┘
 * every output ─► summary (one JSON object)
 * </pre>
 */
public final class FocusPipeline {

  static final RecordTypeInfo<FocusRow> ROW = RecordTypeInfo.FOCUS_ROW;
  static final RecordTypeInfo<SummaryEntry> ENTRY = new RecordTypeInfo<>(SummaryEntry.class);

  private final String tenantId;
  private final String runId;
  private final MapFunction<FocusRow, FocusRow> conversionTap;

  public FocusPipeline(String tenantId, String runId) {
    this(tenantId, runId, null);
  }

  private FocusPipeline(
      String tenantId, String runId, MapFunction<FocusRow, FocusRow> conversionTap) {
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    this.runId = Objects.requireNonNull(runId, "runId");
    this.conversionTap = conversionTap;
  }

  /**
   * A pipeline with an extra operator after conversion that sees every converted row: for tests
   * that inject a failure.
   */
  public FocusPipeline withConversionTap(MapFunction<FocusRow, FocusRow> tap) {
    return new FocusPipeline(tenantId, runId, Objects.requireNonNull(tap, "tap"));
  }

  public void build(StreamExecutionEnvironment env, List<InputFile> inputs, FocusSinks sinks) {
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
            .process(new NewestSnapshot(), ROW)
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

    SingleOutputStreamOperator<DailyAggregate> daily =
        resolved
            .keyBy(DailyAggregator::key, Types.STRING)
            .process(new DailyAggregator(), DailyAggregator.TYPE)
            .name("daily-aggregates");
    daily.sinkTo(sinks.daily()).name("daily-aggregates-files");

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
                snapshots.getSideOutput(NewestSnapshot.SUPERSEDED),
                appendOnly.getSideOutput(FirstOfIdentity.DUPLICATES));
    entries
        .keyBy(entry -> "run", Types.STRING)
        .process(new SummaryAccumulator(tenantId, runId), Types.STRING)
        .setParallelism(1)
        .name("summary")
        .sinkTo(sinks.summary())
        .setParallelism(1)
        .name("summary-file");
  }
}
