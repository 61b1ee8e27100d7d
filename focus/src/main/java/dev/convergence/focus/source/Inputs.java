package dev.convergence.focus.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Opens provider files whether or not they are gzip-compressed, by their magic bytes. */
public final class Inputs {

  private static final int BUFFER = 1 << 16;

  private Inputs() {}

  /** Whether the stream's next two bytes are the gzip magic bytes; reads them. */
  public static boolean startsWithGzipMagic(InputStream in) throws IOException {
    return in.read() == 0x1f && in.read() == 0x8b;
  }

  /** The stream's content, decompressed if it starts with the gzip magic bytes. */
  public static InputStream decompressed(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
    buffered.mark(2);
    boolean gzip = startsWithGzipMagic(buffered);
    buffered.reset();
    if (gzip) {
      return new BufferedInputStream(new GZIPInputStream(buffered, BUFFER), BUFFER);
    }
    return buffered;
  }
}
