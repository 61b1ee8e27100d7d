package dev.convergence.flink.input;

import java.io.IOException;
import java.io.InputStream;

/** At most {@code remaining} bytes of another stream, then its end; closing closes that stream. */
final class RangeInputStream extends InputStream {

  private final InputStream in;
  private long remaining;

  RangeInputStream(InputStream in, long length) {
    this.in = in;
    this.remaining = length;
  }

  @Override
  public int read() throws IOException {
    if (remaining <= 0) {
      return -1;
    }
    int b = in.read();
    if (b >= 0) {
      remaining--;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (remaining <= 0) {
      return length == 0 ? 0 : -1;
    }
    int n = in.read(buffer, offset, (int) Math.min(length, remaining));
    if (n > 0) {
      remaining -= n;
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
