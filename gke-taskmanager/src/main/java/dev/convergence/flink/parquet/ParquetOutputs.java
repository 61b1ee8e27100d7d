package dev.convergence.flink.parquet;

import dev.convergence.flink.anomaly.Anomaly;
import dev.convergence.flink.operators.DailyAggregate;
import dev.convergence.flink.operators.RejectedRecord;
import dev.convergence.focus.FocusRow;
import java.util.List;
import java.util.Set;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

/** Parquet writer factories for the job's outputs, for Flink's {@code FileSink.forBulkFormat}. */
public final class ParquetOutputs {

  private static final Set<String> FOCUS_REQUIRED =
      Set.of("x_tenant_id", "x_run_id", "x_provider", "x_source_file", "x_source_line");

  private ParquetOutputs() {}

  public static ParquetWriterFactory<FocusRow> focusRows() {
    return new ParquetWriterFactory<>(
        out ->
            new Builder<>(out, FocusRow.class, "focus_row", FocusColumns.NAMES, FOCUS_REQUIRED)
                .build());
  }

  public static ParquetWriterFactory<RejectedRecord> rejects() {
    return new ParquetWriterFactory<>(
        out ->
            new Builder<>(
                    out,
                    RejectedRecord.class,
                    "reject",
                    RejectedRecord.COLUMNS,
                    Set.of("x_tenant_id", "x_run_id", "x_provider", "x_source_file", "reason"))
                .build());
  }

  public static ParquetWriterFactory<DailyAggregate> dailyAggregates() {
    return new ParquetWriterFactory<>(
        out ->
            new Builder<>(
                    out,
                    DailyAggregate.class,
                    "daily_aggregate",
                    DailyAggregate.COLUMNS,
                    Set.of("charge_day", "provider", "allocation", "row_count"))
                .build());
  }

  public static ParquetWriterFactory<Anomaly> anomalies() {
    return new ParquetWriterFactory<>(
        out ->
            new Builder<>(
                    out,
                    Anomaly.class,
                    "anomaly",
                    Anomaly.COLUMNS,
                    Set.of("provider", "charge_day", "effective_cost", "score", "severity"))
                .build());
  }

  private static final class Builder<T extends Record>
      extends ParquetWriter.Builder<T, Builder<T>> {

    private final Class<T> type;
    private final String messageName;
    private final List<String> names;
    private final Set<String> required;

    Builder(
        OutputFile file,
        Class<T> type,
        String messageName,
        List<String> names,
        Set<String> required) {
      super(file);
      this.type = type;
      this.messageName = messageName;
      this.names = names;
      this.required = required;
      withCompressionCodec(CompressionCodecName.SNAPPY);
    }

    @Override
    protected Builder<T> self() {
      return this;
    }

    @Override
    protected WriteSupport<T> getWriteSupport(Configuration conf) {
      return new RecordWriteSupport<>(type, messageName, names, required);
    }
  }
}
