package dev.convergence.focus.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Decodes a UTF-8 byte stream to the same chars as {@code new InputStreamReader(in, UTF_8)}, for
 * every byte sequence: malformed input becomes U+FFFD where InputStreamReader puts it.
 *
 * <p>It exists because of where JDK 17's UTF-8 decoder spends its time. A call to it turns its
 * input into chars with a fast vectorised copy only if all of that input is ASCII. Otherwise it
 * copies the ASCII bytes before the first non-ASCII one a byte at a time, and decodes everything
 * from there on byte by byte, ASCII or not. Billing files are mostly ASCII with a non-ASCII char
 * ("Zürich", "東京") in about a third of their rows, so nearly every buffer InputStreamReader handed
 * the decoder took the slow path: decoding was 9% of the CPU time of a CSV conversion.
 *
 * <p>This reader hands the same decoder its input in pieces. A run of ASCII bytes is a piece of its
 * own, which the decoder copies at full speed. A piece that starts with a non-ASCII byte goes up to
 * and including an ASCII byte that starts eight ASCII bytes in a row (checked eight bytes at a
 * time), or to the end of what is read. On a generated CSV-like text with a non-ASCII char in a
 * third of its lines it decoded about 1,900 MB/s, InputStreamReader 450 to 600 (JDK 17, {@code
 * Utf8ReaderBenchmark} in the tests); on text dense with non-ASCII chars, a few percent slower than
 * InputStreamReader. Copying the ASCII runs with a plain byte-to-char loop of our own instead
 * reached only 1,300 MB/s; the decoder's copy is a JVM intrinsic.
 *
 * <p>The chars are the same by construction: every byte goes through the JDK's decoder, in order,
 * and the decoder gives the same chars wherever its input is cut, provided the bytes it leaves
 * unread come first in the next call. That is how InputStreamReader uses it too, one buffer at a
 * time. The decoder leaves unread only the start of a sequence that the input ends in the middle
 * of, three bytes at most; that happens only at the end of what is read, since every other piece
 * ends in an ASCII byte, which no sequence continues over. At the end of the stream the decoder is
 * told so and reports such a start as malformed.
 *
 * <p>Not safe for use by several threads at once.
 */
public final class Utf8Reader extends Reader {

  /** Bytes read from the stream at a time, at most. */
  static final int BUFFER = 1 << 16;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The high bit of each of eight bytes: eight ASCII bytes have none of them set. */
  private static final long HIGH_BITS = 0x8080808080808080L;

  private final InputStream in;
  private final byte[] bytes = new byte[BUFFER];
  private final ByteBuffer source = ByteBuffer.wrap(bytes);
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);

  /** For reads of one char: a surrogate pair has to be decoded whole. */
  private final char[] pair = new char[2];

  /** The caller's array last decoded into, wrapped. */
  private CharBuffer target;

  /** The next byte to decode; the bytes from {@code limit} on are not read yet. */
  private int pos;

  private int limit;
  private boolean endOfStream;

  /** Where the piece the decoder is working through ends; -1 when there is none. */
  private int pieceEnd = -1;

  /** Whether that piece ends the stream. */
  private boolean lastPiece;

  /** Whether the bytes from {@code pos} on start a sequence whose end is not read yet. */
  private boolean tailWaits;

  /** The second char of a pair decoded for a read of one char; -1 when there is none. */
  private int pending = -1;

  private boolean closed;

  public Utf8Reader(InputStream in) {
    this.in = Objects.requireNonNull(in, "in");
  }

  /** A reader whose text starts with {@code head[from..]}, already read from {@code in}. */
  Utf8Reader(InputStream in, byte[] head, int from) {
    this(in);
    limit = head.length - from;
    System.arraycopy(head, from, bytes, 0, limit);
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, cbuf.length);
    if (closed) {
      throw new IOException("Stream closed");
    }
    if (len == 0) {
      return 0;
    }
    if (pending >= 0) {
      cbuf[off] = (char) pending;
      pending = -1;
      return 1;
    }
    if (len > 1) {
      return decode(cbuf, off, off + len);
    }
    int n = decode(pair, 0, 2);
    if (n > 0) {
      cbuf[off] = pair[0];
      pending = n == 2 ? pair[1] : -1;
      return 1;
    }
    return n;
  }

  /**
   * Decodes into {@code cbuf[off..end)}, at least two chars wide, and returns how many chars it
   * wrote, or -1 at the end of the stream. Reads from the stream only while it has written nothing.
   */
  private int decode(char[] cbuf, int off, int end) throws IOException {
    int at = off;
    while (at < end) {
      if (pieceEnd < 0 && !nextPiece()) {
        if (at > off) {
          break;
        }
        if (endOfStream) {
          return -1;
        }
        refill();
        continue;
      }
      at = decodePiece(cbuf, at, end);
      if (pieceEnd >= 0) {
        break; // the decoder filled what room there was
      }
    }
    return at - off;
  }

  /** Marks the next piece for the decoder; false if nothing can be decoded before more is read. */
  private boolean nextPiece() {
    if (pos == limit || tailWaits) {
      return false;
    }
    pieceEnd = bytes[pos] >= 0 ? asciiEnd(pos) : mixedEnd(pos);
    lastPiece = endOfStream && pieceEnd == limit;
    return true;
  }

  /** The end of the run of ASCII bytes at {@code from}: the first non-ASCII byte, or the limit. */
  private int asciiEnd(int from) {
    int i = from;
    while (i <= limit - Long.BYTES && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
      i += Long.BYTES;
    }
    while (i < limit && bytes[i] >= 0) {
      i++;
    }
    return i;
  }

  /**
   * The end of a piece that starts with a non-ASCII byte at {@code from}: just after the first byte
   * of the first eight bytes from there, taken eight at a time, that are all ASCII; or the limit.
   */
  private int mixedEnd(int from) {
    for (int i = from; i <= limit - Long.BYTES; i += Long.BYTES) {
      if (((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
        return i + 1;
      }
    }
    return limit;
  }

  /**
   * Decodes the piece into {@code cbuf[at..end)}, and is done with it once the decoder has taken
   * all of it, or all but the start of a sequence that ends after what is read so far.
   */
  private int decodePiece(char[] cbuf, int at, int end) {
    if (target == null || target.array() != cbuf) {
      target = CharBuffer.wrap(cbuf);
    }
    target.limit(end).position(at);
    source.limit(pieceEnd).position(pos);
    CoderResult result = decoder.decode(source, target, lastPiece);
    pos = source.position();
    if (result.isUnderflow()) {
      tailWaits = pos < pieceEnd;
      if (lastPiece) {
        decoder.flush(target); // writes nothing for UTF-8, but completes the decoder's protocol
      }
      pieceEnd = -1;
    }
    return target.position();
  }

  /** Moves the unread bytes to the front of the buffer and reads more after them. */
  private void refill() throws IOException {
    tailWaits = false;
    if (pos > 0) {
      System.arraycopy(bytes, pos, bytes, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    int n;
    do {
      n = in.read(bytes, limit, bytes.length - limit);
    } while (n == 0);
    if (n < 0) {
      endOfStream = true;
    } else {
      limit += n;
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    in.close();
  }
}
