package dev.convergence.flink.input;

import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.SourceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/** Opens the FOCUS conversion of a {@link FileRange} on Flink's file systems. */
public final class RangeReader {

  private RangeReader() {}

  /**
   * A whole file as its format reads it; a part as the file's header bytes followed by the part's
   * bytes, with line numbers shifted to the part's place in the file.
   */
  public static ConversionStream open(FileRange range, SourceContext context) throws IOException {
    Path path = new Path(range.uri());
    if (range.isWholeFile()) {
      return range.format().open(path, context);
    }
    FileSystem fs = path.getFileSystem();
    byte[] header = new byte[Math.toIntExact(range.headerEnd())];
    if (header.length > 0) {
      try (FSDataInputStream in = fs.open(path)) {
        in.readNBytes(header, 0, header.length);
      }
    }
    FSDataInputStream body = fs.open(path);
    InputStream in;
    try {
      body.seek(range.start());
      in =
          new SequenceInputStream(
              new ByteArrayInputStream(header),
              new RangeInputStream(body, range.end() - range.start()));
    } catch (IOException | RuntimeException e) {
      body.close();
      throw e;
    }
    try {
      return range.format().open(in, context.withLineOffset(range.lineOffset()));
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }
}
