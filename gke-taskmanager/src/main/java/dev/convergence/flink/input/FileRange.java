package dev.convergence.flink.input;

import dev.convergence.flink.args.InputFile;
import dev.convergence.flink.args.InputFormat;
import java.util.Objects;

/**
 * A part of an input file that one converter call reads: the bytes {@code [start, end)} of whole
 * records ({@code end} -1: to the end of the file). A part after the first is read behind the
 * file's header, bytes {@code [0, headerEnd)}, so its reader knows the columns; {@code lineOffset}
 * is added to the line numbers the reader counts so rows keep their line in the whole file.
 */
public record FileRange(
    String uri,
    InputFormat format,
    String snapshotId,
    long start,
    long end,
    long headerEnd,
    long lineOffset) {

  public FileRange {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(format, "format");
    if (start < 0 || (end != -1 && end < start) || headerEnd < 0 || lineOffset < 0) {
      throw new IllegalArgumentException(
          "not a valid range of "
              + uri
              + ": ["
              + start
              + ", "
              + end
              + "), header "
              + headerEnd
              + ", line offset "
              + lineOffset);
    }
  }

  /** The whole of {@code file}. */
  public static FileRange whole(InputFile file) {
    return new FileRange(file.uri(), file.format(), file.snapshotId(), 0, -1, 0, 0);
  }

  /** A part of {@code file}. */
  public static FileRange part(
      InputFile file, long start, long end, long headerEnd, long lineOffset) {
    return new FileRange(
        file.uri(), file.format(), file.snapshotId(), start, end, headerEnd, lineOffset);
  }

  public InputFile file() {
    return new InputFile(uri, format, snapshotId);
  }

  public boolean isWholeFile() {
    return start == 0 && end == -1;
  }
}
