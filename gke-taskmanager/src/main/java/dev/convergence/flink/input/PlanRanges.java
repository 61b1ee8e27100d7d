package dev.convergence.flink.input;

import dev.convergence.flink.args.InputFile;
import dev.convergence.flink.args.InputFormat;
import dev.convergence.focus.source.Inputs;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts each input file into parts of whole records for the converters, so that one large file is
 * converted by every subtask and a checkpoint can fall between its parts. Plain CSV and JSON-lines
 * files larger than twice {@code targetBytes} are read once to find the cuts (see {@link
 * TextRanges}); each part goes downstream as soon as it is found. A compressed file, a Parquet
 * file, or a small one is one part.
 */
public final class PlanRanges extends ProcessFunction<InputFile, FileRange> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PlanRanges.class);

  private final long targetBytes;

  public PlanRanges(long targetBytes) {
    if (targetBytes < 1) {
      throw new IllegalArgumentException("targetBytes: must be 1 or more; got " + targetBytes);
    }
    this.targetBytes = targetBytes;
  }

  @Override
  public void processElement(InputFile file, Context ctx, Collector<FileRange> out)
      throws IOException {
    InputFormat format = file.format();
    if (format.isParquet()) {
      out.collect(FileRange.whole(file));
      return;
    }
    Path path = new Path(file.uri());
    FileSystem fs = path.getFileSystem();
    long length = fs.getFileStatus(path).getLen();
    if (length < 2 * targetBytes || isGzip(fs, path)) {
      out.collect(FileRange.whole(file));
      return;
    }
    long started = System.nanoTime();
    boolean csv = !format.isJsonLines();
    int parts;
    try (InputStream in = fs.open(path)) {
      parts =
          TextRanges.scan(
              in,
              targetBytes,
              csv,
              csv,
              (start, end, headerEnd, lineOffset) ->
                  out.collect(FileRange.part(file, start, end, headerEnd, lineOffset)));
    }
    LOG.info(
        "Cut {} ({} bytes) into {} parts in {} ms",
        file.uri(),
        length,
        parts,
        (System.nanoTime() - started) / 1_000_000);
  }

  private static boolean isGzip(FileSystem fs, Path path) throws IOException {
    try (InputStream in = new BufferedInputStream(fs.open(path), 2)) {
      return Inputs.startsWithGzipMagic(in);
    }
  }
}
