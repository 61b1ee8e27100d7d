package dev.convergence.flink;

import dev.convergence.flink.anomaly.Anomaly;
import dev.convergence.flink.operators.DailyAggregate;
import dev.convergence.flink.operators.RejectedRecord;
import dev.convergence.flink.parquet.ParquetOutputs;
import dev.convergence.focus.FocusRow;
import java.util.Objects;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;

/**
 * Where the job writes: FOCUS rows, rejects, daily aggregates and the run summary. {@link #files}
 * is the real layout under an output prefix; files become visible only when a checkpoint (or the
 * end of a batch run) commits them.
 *
 * <pre>
 * PREFIX/focus/part-*.parquet     FOCUS 1.2 rows + x_ columns
 * PREFIX/rejects/part-*.parquet   rejected source records with reason and raw cost
 * PREFIX/daily/part-*.parquet     costs and row counts per charge day × provider × account × …
 * PREFIX/anomalies/part-*.parquet  days whose usage cost left its expected range
 * PREFIX/summary/part-*.json      one JSON object: rows and cost per output
 * </pre>
 */
public record FocusSinks(
    Sink<FocusRow> rows,
    Sink<RejectedRecord> rejects,
    Sink<DailyAggregate> daily,
    Sink<Anomaly> anomalies,
    Sink<String> summary) {

  public FocusSinks {
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(rejects, "rejects");
    Objects.requireNonNull(daily, "daily");
    Objects.requireNonNull(anomalies, "anomalies");
    Objects.requireNonNull(summary, "summary");
  }

  public static FocusSinks files(String outputPrefix) {
    String prefix = outputPrefix.endsWith("/") ? outputPrefix : outputPrefix + "/";
    return new FocusSinks(
        FileSink.forBulkFormat(new Path(prefix + "focus"), ParquetOutputs.focusRows())
            .withBucketAssigner(new BasePathBucketAssigner<>())
            .withOutputFileConfig(suffix(".parquet"))
            .build(),
        FileSink.forBulkFormat(new Path(prefix + "rejects"), ParquetOutputs.rejects())
            .withBucketAssigner(new BasePathBucketAssigner<>())
            .withOutputFileConfig(suffix(".parquet"))
            .build(),
        FileSink.forBulkFormat(new Path(prefix + "daily"), ParquetOutputs.dailyAggregates())
            .withBucketAssigner(new BasePathBucketAssigner<>())
            .withOutputFileConfig(suffix(".parquet"))
            .build(),
        FileSink.forBulkFormat(new Path(prefix + "anomalies"), ParquetOutputs.anomalies())
            .withBucketAssigner(new BasePathBucketAssigner<>())
            .withOutputFileConfig(suffix(".parquet"))
            .build(),
        FileSink.forRowFormat(new Path(prefix + "summary"), new SimpleStringEncoder<String>())
            .withBucketAssigner(new BasePathBucketAssigner<>())
            .withOutputFileConfig(suffix(".json"))
            .build());
  }

  private static OutputFileConfig suffix(String suffix) {
    return OutputFileConfig.builder().withPartSuffix(suffix).build();
  }
}
