package dev.convergence.focus.source;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Opens provider files whether or not they are gzip-compressed, by their magic bytes, and decodes
 * their text by its byte-order mark.
 */
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

  /**
   * The stream's text: {@linkplain #decompressed decompressed} if need be, then decoded as its
   * byte-order mark says, the mark left out. The marks are those FastCSV's {@code detectBomHeader}
   * knows: UTF-8, UTF-16 BE and LE, UTF-32 BE and LE, tested in that order (FF FE 00 00 is UTF-32
   * LE). Text with no mark is UTF-8. UTF-8 is decoded by {@link Utf8Reader}, the others by an
   * {@link InputStreamReader}; malformed input becomes U+FFFD either way.
   */
  public static Reader text(InputStream in) throws IOException {
    InputStream content = decompressed(in);
    byte[] head = content.readNBytes(4);
    ByteOrderMark mark = ByteOrderMark.of(head);
    if (mark == null || mark == ByteOrderMark.UTF_8) {
      return new Utf8Reader(content, head, mark == null ? 0 : mark.length);
    }
    InputStream afterMark =
        new SequenceInputStream(
            new ByteArrayInputStream(head, mark.length, head.length - mark.length), content);
    return new InputStreamReader(afterMark, mark.charset);
  }

  /** The byte-order marks FastCSV 4.1's {@code detectBomHeader} recognises. */
  private enum ByteOrderMark {
    UTF_8(StandardCharsets.UTF_8, 3),
    UTF_16_BE(StandardCharsets.UTF_16BE, 2),
    UTF_16_LE(StandardCharsets.UTF_16LE, 2),
    UTF_32_BE(Charset.forName("UTF-32BE"), 4),
    UTF_32_LE(Charset.forName("UTF-32LE"), 4);

    final Charset charset;
    final int length;

    ByteOrderMark(Charset charset, int length) {
      this.charset = charset;
      this.length = length;
    }

    /** The mark {@code head}, the first (up to) four bytes of a text, starts with; or null. */
    static ByteOrderMark of(byte[] head) {
      if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
        return UTF_8;
      }
      if (startsWith(head, 0xFE, 0xFF)) {
        return UTF_16_BE;
      }
      if (startsWith(head, 0xFF, 0xFE, 0x00, 0x00)) {
        return UTF_32_LE;
      }
      if (startsWith(head, 0xFF, 0xFE)) {
        return UTF_16_LE;
      }
      if (startsWith(head, 0x00, 0x00, 0xFE, 0xFF)) {
        return UTF_32_BE;
      }
      return null;
    }

    private static boolean startsWith(byte[] head, int... mark) {
      if (head.length < mark.length) {
        return false;
      }
      for (int i = 0; i < mark.length; i++) {
        if ((head[i] & 0xFF) != mark[i]) {
          return false;
        }
      }
      return true;
    }
  }
}
