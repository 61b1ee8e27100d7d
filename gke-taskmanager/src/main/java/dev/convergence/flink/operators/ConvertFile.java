package dev.convergence.flink.operators;

import dev.convergence.flink.args.InputFile;
import dev.convergence.flink.input.FileRange;
import dev.convergence.flink.input.RangeReader;
import dev.convergence.flink.parquet.Decimals;
import dev.convergence.flink.types.RecordTypeInfo;
import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.Converted;
import dev.convergence.focus.FocusRow;
import dev.convergence.focus.MissingColumnsException;
import dev.convergence.focus.Reject;
import dev.convergence.focus.RejectReason;
import dev.convergence.focus.SourceContext;
import java.io.IOException;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Converts one part of an input file ({@link FileRange}) to FOCUS rows with the focus library's
 * reader for its layout, through Flink's file systems (local, or {@code gs://} through the
 * cluster's plugin). Rows go to the main output; rejects, a file whose header lacks required
 * columns (reported once, by the part at its start), and rows whose amounts do not fit the output's
 * decimal scale go to {@link #REJECTS}. A part is read within one call, so a checkpoint never falls
 * inside a part.
 */
public final class ConvertFile extends ProcessFunction<FileRange, FocusRow> {

  private static final long serialVersionUID = 1L;

  public static final OutputTag<RejectedRecord> REJECTS =
      new OutputTag<>("rejects", new RecordTypeInfo<>(RejectedRecord.class));

  private final String tenantId;
  private final String runId;

  public ConvertFile(String tenantId, String runId) {
    this.tenantId = tenantId;
    this.runId = runId;
  }

  @Override
  public void processElement(FileRange range, Context ctx, Collector<FocusRow> out)
      throws IOException {
    InputFile file = range.file();
    SourceContext source = new SourceContext(tenantId, runId, file.uri(), file.snapshotId());
    try (ConversionStream stream = RangeReader.open(range, source)) {
      while (stream.hasNext()) {
        Converted next = stream.next();
        if (next instanceof FocusRow row) {
          String problem = Decimals.misfit(row);
          if (problem == null) {
            out.collect(row);
          } else {
            Reject reject =
                new Reject(
                    RejectReason.INVALID_NUMBER,
                    problem,
                    row.xSourceFile(),
                    row.xSourceLine(),
                    row.billedCost());
            ctx.output(REJECTS, reject(file, reject));
          }
        } else {
          ctx.output(REJECTS, reject(file, (Reject) next));
        }
      }
    } catch (MissingColumnsException e) {
      if (range.start() > 0) {
        return;
      }
      Reject reject =
          new Reject(RejectReason.MALFORMED_RECORD, e.getMessage(), file.uri(), 1, null);
      ctx.output(REJECTS, reject(file, reject));
    }
  }

  private RejectedRecord reject(InputFile file, Reject reject) {
    return RejectedRecord.of(reject, tenantId, runId, file.format().provider(), file.snapshotId());
  }
}
