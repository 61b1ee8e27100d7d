package dev.convergence.focus.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Utf8Reader against InputStreamReader on random bytes, valid and not, read in chunks of many sizes
 * from streams that hand out few bytes at a time.
 */
class Utf8ReaderTest {

  private static final int BUFFER = Utf8Reader.BUFFER;

  /** Read sizes: 0 stands for a random size at each read, -1 for {@link Reader#read()}. */
  private static final int[] READ_SIZES = {1, 2, 7, 8192, 0, -1};

  /** Byte sequences the decoder must reject: surrogates, overlong forms, above U+10FFFF, stray. */
  private static final List<byte[]> MALFORMED =
      List.of(
          bytes(0xED, 0xA0, 0x80),
          bytes(0xED, 0xBF, 0xBF),
          bytes(0xC0, 0x80),
          bytes(0xC1, 0xBF),
          bytes(0xE0, 0x80, 0x80),
          bytes(0xE0, 0x9F, 0xBF),
          bytes(0xF0, 0x80, 0x80, 0x80),
          bytes(0xF0, 0x8F, 0xBF, 0xBF),
          bytes(0xF4, 0x90, 0x80, 0x80),
          bytes(0xF5, 0x80, 0x80, 0x80),
          bytes(0xF8, 0x88, 0x80, 0x80, 0x80),
          bytes(0xFE),
          bytes(0xFF),
          bytes(0x80),
          bytes(0xBF, 0xBF));

  @Test
  void givesTheCharsInputStreamReaderGivesForRandomBytes() {
    Random random = new Random(20261001L);
    for (int i = 0; i < 400; i++) {
      byte[] input = randomBytes(random, random.nextInt(3000), Mix.values()[i % 3]);
      assertSameCharsAsInputStreamReader(input, random);
    }
  }

  @Test
  void givesTheSameCharsForInputsLargerThanItsBuffer() {
    Random random = new Random(42L);
    for (Mix mix : Mix.values()) {
      byte[] input = randomBytes(random, 3 * BUFFER + random.nextInt(BUFFER), mix);
      assertSameCharsAsInputStreamReader(input, random);
    }
  }

  @Test
  void givesTheSameCharsForANonAsciiRunLongerThanItsBuffer() {
    Random random = new Random(7L);
    byte[] valid = randomBytes(random, 2 * BUFFER + 5, Mix.VALID_NON_ASCII_ONLY);
    byte[] invalid = randomBytes(random, BUFFER + 3, Mix.NON_ASCII_ONLY);
    byte[] bothThenAscii = concat(valid, invalid, "tail,\n".getBytes(StandardCharsets.US_ASCII));
    for (byte[] input : List.of(valid, invalid, bothThenAscii)) {
      assertThat(asciiCount(input)).isLessThan(10);
      assertSameCharsAsInputStreamReader(input, random);
    }
  }

  /** The stream fills the buffer at every read, so these sequences straddle its end. */
  @Test
  void givesTheSameCharsForSequencesAcrossItsBufferBoundary() {
    Random random = new Random(11L);
    List<byte[]> sequences =
        List.of(
            "é".getBytes(StandardCharsets.UTF_8),
            "東".getBytes(StandardCharsets.UTF_8),
            "😀".getBytes(StandardCharsets.UTF_8),
            bytes(0xF0, 0x9F, 0x98),
            bytes(0xE6, 0x9D),
            bytes(0xED, 0xA0, 0x80),
            bytes(0xC3, 0xC3, 0xA9));
    for (int boundary : new int[] {BUFFER, 2 * BUFFER}) {
      for (int shift = -4; shift <= 4; shift++) {
        for (byte[] sequence : sequences) {
          byte[] before = ascii(boundary + shift);
          for (byte[] input :
              List.of(concat(before, sequence, ascii(10)), concat(before, sequence))) {
            String expected = inputStreamReaderText(input);
            for (int readSize : new int[] {1, 8192, 0}) {
              assertSameChars(expected, input, readSize, Integer.MAX_VALUE, random);
            }
          }
        }
      }
    }
  }

  @Test
  void anUnfinishedSequenceAtTheEndOfTheStreamIsWhatInputStreamReaderMakesOfIt() throws Exception {
    assertThat(read(concat(ascii(3), bytes(0xE2, 0x82)))).isEqualTo("aaa\uFFFD");
    assertThat(read(concat(ascii(1), bytes(0xF0, 0x9F, 0x98)))).isEqualTo("a\uFFFD");
    assertThat(read(bytes(0xC3))).isEqualTo("\uFFFD");
    assertThat(read(bytes(0xC3, 0xA9, 0xC3))).isEqualTo("é\uFFFD");
    assertThat(read(bytes(0xE0, 0x80))).isEqualTo("\uFFFD\uFFFD");
    Random random = new Random(3L);
    for (byte[] tail :
        List.of(bytes(0xE2, 0x82), bytes(0xF0, 0x9F, 0x98), bytes(0xC3), bytes(0xE0, 0x80))) {
      assertSameCharsAsInputStreamReader(tail, random);
      assertSameCharsAsInputStreamReader(concat(ascii(5), tail), random);
      assertSameCharsAsInputStreamReader(concat(ascii(BUFFER - 1), tail), random);
      assertSameCharsAsInputStreamReader(
          concat(ascii(BUFFER + 1), bytes(0xC3, 0xA9), tail), random);
    }
  }

  @Test
  void aSurrogatePairIsHandedOutOneCharAtATime() throws IOException {
    try (Reader reader = new Utf8Reader(new ByteArrayInputStream(bytes(0xF0, 0x9F, 0x98, 0x80)))) {
      char[] one = new char[1];
      assertThat(reader.read(one, 0, 1)).isEqualTo(1);
      assertThat(one[0]).isEqualTo('\uD83D');
      assertThat(reader.read()).isEqualTo('\uDE00');
      assertThat(reader.read()).isEqualTo(-1);
      assertThat(reader.read(one, 0, 1)).isEqualTo(-1);
      assertThat(reader.read(one, 0, 0)).isZero();
    }
  }

  @Test
  void closeClosesTheStream() throws IOException {
    boolean[] closed = {false};
    InputStream in =
        new ByteArrayInputStream(ascii(3)) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    Reader reader = new Utf8Reader(in);
    reader.close();
    assertThat(closed[0]).isTrue();
    assertThatThrownBy(reader::read).isInstanceOf(IOException.class).hasMessage("Stream closed");
  }

  /**
   * The text of {@code input} read in chunks of every size, each time from a stream that hands out
   * at most 1, 3, 100 or 70,000 bytes a read (one at random), and after a byte-order mark, against
   * InputStreamReader's.
   */
  private static void assertSameCharsAsInputStreamReader(byte[] input, Random random) {
    String expected = inputStreamReaderText(input);
    for (int readSize : READ_SIZES) {
      int maxBytes = List.of(1, 3, 100, 70_000).get(random.nextInt(4));
      assertSameChars(expected, input, readSize, maxBytes, random);
    }
    byte[] withMark = concat(bytes(0xEF, 0xBB, 0xBF), input);
    try (Reader reader = Inputs.text(new ShortReads(withMark, 5, random.nextLong()))) {
      assertSameText(readAll(reader), expected, "after a byte-order mark");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertSameChars(
      String expected, byte[] input, int readSize, int maxBytes, Random random) {
    Reader reader = new Utf8Reader(new ShortReads(input, maxBytes, random.nextLong()));
    String actual = readSize < 0 ? readOneByOne(reader) : read(reader, readSize, random);
    assertSameText(
        actual,
        expected,
        String.format(
            "%d bytes read %d chars at a time, at most %d bytes a read",
            input.length, readSize, maxBytes));
  }

  /** Equal texts; if not, where they first differ rather than both texts whole. */
  private static void assertSameText(String actual, String expected, String description) {
    if (actual.equals(expected)) {
      return;
    }
    int at = 0;
    while (at < Math.min(actual.length(), expected.length())
        && actual.charAt(at) == expected.charAt(at)) {
      at++;
    }
    fail(
        "%s: %d chars, expected %d; first difference at char %d: %s, expected %s",
        description,
        actual.length(),
        expected.length(),
        at,
        escaped(actual, at),
        escaped(expected, at));
  }

  private static String escaped(String text, int at) {
    StringBuilder chars = new StringBuilder();
    for (int i = at; i < Math.min(text.length(), at + 8); i++) {
      chars.append(String.format("\\u%04X", (int) text.charAt(i)));
    }
    return chars.toString();
  }

  private static String inputStreamReaderText(byte[] input) {
    return readAll(new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8));
  }

  private static String read(byte[] input) throws IOException {
    try (Reader reader = new Utf8Reader(new ByteArrayInputStream(input))) {
      return readAll(reader);
    }
  }

  private static String readAll(Reader reader) {
    try {
      StringWriter out = new StringWriter();
      reader.transferTo(out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads into a buffer at a random offset, {@code readSize} chars a read or random ones for 0. */
  private static String read(Reader reader, int readSize, Random random) {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[Math.max(readSize, 9000) + 16];
    try {
      while (true) {
        int len = readSize > 0 ? readSize : 1 + random.nextInt(9000);
        int off = random.nextInt(16);
        int n = reader.read(buffer, off, len);
        if (n < 0) {
          return text.toString();
        }
        assertThat(n).isBetween(1, len);
        text.append(buffer, off, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readOneByOne(Reader reader) {
    StringBuilder text = new StringBuilder();
    try {
      for (int c = reader.read(); c >= 0; c = reader.read()) {
        text.append((char) c);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** What random inputs are made of. */
  private enum Mix {
    /** Long ASCII runs, now and then a valid non-ASCII char, rarely a malformed sequence. */
    MOSTLY_ASCII,
    /** Short ASCII runs, valid chars, malformed and unfinished sequences in equal parts. */
    DENSE,
    /** Random bytes, ASCII or not. */
    RANDOM,
    /** Valid non-ASCII chars and nothing else. */
    VALID_NON_ASCII_ONLY,
    /** Random bytes from 0x80 to 0xFF. */
    NON_ASCII_ONLY
  }

  private static byte[] randomBytes(Random random, int size, Mix mix) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(size + 8);
    while (out.size() < size) {
      out.writeBytes(piece(random, mix));
    }
    return Arrays.copyOf(out.toByteArray(), size);
  }

  private static byte[] piece(Random random, Mix mix) {
    int dice = random.nextInt(100);
    return switch (mix) {
      case MOSTLY_ASCII ->
          dice < 90
              ? randomAscii(random, 1 + random.nextInt(80))
              : dice < 97 ? validChar(random) : malformedOrUnfinished(random);
      case DENSE ->
          dice < 25
              ? randomAscii(random, 1 + random.nextInt(4))
              : dice < 50 ? validChar(random) : malformedOrUnfinished(random);
      case RANDOM -> bytes(random.nextInt(256));
      case VALID_NON_ASCII_ONLY -> validChar(random);
      case NON_ASCII_ONLY -> bytes(0x80 + random.nextInt(128));
    };
  }

  private static byte[] randomAscii(Random random, int length) {
    String alphabet = "abcXYZ019,.\"\n\r -";
    byte[] text = new byte[length];
    for (int i = 0; i < length; i++) {
      text[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
    }
    return text;
  }

  /** A random char of two, three or four bytes (a surrogate pair for the last). */
  private static byte[] validChar(Random random) {
    int codePoint;
    switch (random.nextInt(3)) {
      case 0 -> codePoint = 0x80 + random.nextInt(0x800 - 0x80);
      case 1 -> {
        do {
          codePoint = 0x800 + random.nextInt(0x10000 - 0x800);
        } while (Character.isSurrogate((char) codePoint));
      }
      default -> codePoint = 0x10000 + random.nextInt(0x110000 - 0x10000);
    }
    return new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] malformedOrUnfinished(Random random) {
    if (random.nextBoolean()) {
      return MALFORMED.get(random.nextInt(MALFORMED.size()));
    }
    byte[] valid;
    do {
      valid = validChar(random);
    } while (valid.length < 3 && random.nextBoolean());
    return Arrays.copyOf(valid, 1 + random.nextInt(valid.length - 1));
  }

  private static byte[] ascii(int length) {
    byte[] text = new byte[length];
    Arrays.fill(text, (byte) 'a');
    return text;
  }

  private static long asciiCount(byte[] input) {
    long count = 0;
    for (byte b : input) {
      count += b >= 0 ? 1 : 0;
    }
    return count;
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** Hands out between one and {@code maxBytes} bytes a read, at random. */
  private static final class ShortReads extends InputStream {

    private final ByteArrayInputStream in;
    private final int maxBytes;
    private final Random random;

    ShortReads(byte[] bytes, int maxBytes, long seed) {
      this.in = new ByteArrayInputStream(bytes);
      this.maxBytes = maxBytes;
      this.random = new Random(seed);
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      return in.read(b, off, 1 + random.nextInt(Math.min(len, maxBytes)));
    }
  }
}
