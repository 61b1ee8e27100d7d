package dev.convergence.focus.bench;

import dev.convergence.focus.source.Utf8Reader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * Decoding throughput of InputStreamReader and {@link Utf8Reader} on the same generated texts, held
 * in memory: a CSV-like text, mostly ASCII with a non-ASCII char in a third of its lines, as
 * billing files are; and, to show the reader costs nothing where it cannot help, a text of short
 * words, most of them non-ASCII. Reads 8192 chars at a time, as FastCSV does. Not a test; run it by
 * hand:
 *
 * <pre>
 * java -cp ... dev.convergence.focus.bench.Utf8ReaderBenchmark [MEGABYTES [ROUNDS]]
 * </pre>
 *
 * A MB is 10^6 bytes of input.
 */
public final class Utf8ReaderBenchmark {

  private static final String[] PLACES = {"Zürich", "東京", "São Paulo", "Kraków", "Montréal"};
  private static final String[] WORDS = {"東京", "大阪", "Zürich", "São", "Kraków", "ab", "1"};

  private static final Function<byte[], Reader> JDK =
      bytes -> new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
  private static final Function<byte[], Reader> OURS =
      bytes -> new Utf8Reader(new ByteArrayInputStream(bytes));

  private Utf8ReaderBenchmark() {}

  public static void main(String[] args) throws IOException {
    int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    System.out.printf(
        Locale.ROOT,
        "java %s, %d MB a text, %d rounds after one to warm up%n",
        System.getProperty("java.version"),
        megabytes,
        rounds);
    compare("CSV-like, mostly ASCII", csvLike(megabytes * 1_000_000), rounds);
    compare("dense non-ASCII words", denseWords(megabytes * 1_000_000), rounds);
  }

  /** Reads the text through both readers in turn, round after round, and prints their speeds. */
  private static void compare(String name, byte[] text, int rounds) throws IOException {
    double[] jdkRates = new double[rounds];
    double[] ourRates = new double[rounds];
    for (int round = -1; round < rounds; round++) {
      long[] jdk = run(JDK, text);
      long[] ours = run(OURS, text);
      if (jdk[1] != ours[1]) {
        throw new IllegalStateException(name + ": the readers gave different chars");
      }
      if (round >= 0) {
        jdkRates[round] = text.length / (jdk[0] / 1e9) / 1e6;
        ourRates[round] = text.length / (ours[0] / 1e9) / 1e6;
      }
    }
    System.out.printf(Locale.ROOT, "%s, %,d bytes:%n", name, text.length);
    report("InputStreamReader", jdkRates);
    report("Utf8Reader", ourRates);
  }

  /** Nanoseconds to read the text through, and the sum of its chars (cheap, to keep the reads). */
  private static long[] run(Function<byte[], Reader> open, byte[] text) throws IOException {
    char[] buffer = new char[8192];
    long sum = 0;
    long started = System.nanoTime();
    try (Reader reader = open.apply(text)) {
      for (int n = reader.read(buffer); n > 0; n = reader.read(buffer)) {
        for (int i = 0; i < n; i++) {
          sum += buffer[i];
        }
      }
    }
    return new long[] {System.nanoTime() - started, sum};
  }

  private static void report(String reader, double[] rates) {
    double[] sorted = rates.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "  %-17s median %,6.0f MB/s, best %,6.0f MB/s, rounds %s%n",
        reader,
        sorted[sorted.length / 2],
        sorted[sorted.length - 1],
        Arrays.toString(Arrays.stream(rates).mapToLong(Math::round).toArray()));
  }

  /** Lines of about 200 bytes, a third of them with a non-ASCII place name. */
  private static byte[] csvLike(int size) {
    Random random = new Random(20261001L);
    ByteArrayOutputStream out = new ByteArrayOutputStream(size + 512);
    StringBuilder line = new StringBuilder(256);
    for (long row = 1; out.size() < size; row++) {
      line.setLength(0);
      line.append("c2-")
          .append(row)
          .append(",111122223333,2026-10-01T00:00:00.000Z,2026-11-01T00:00:00.000Z,")
          .append("\"Amazon Web Services, Inc.\",AWS,Anniversary,444455556666,Usage,")
          .append(random.nextInt(1000))
          .append('.')
          .append(random.nextInt(1_000_000))
          .append(",USD,m5.large,us-east-1,");
      if (random.nextInt(3) == 0) {
        line.append("\"{\"\"city\"\":\"\"").append(PLACES[random.nextInt(PLACES.length)]);
        line.append("\"\"}\"");
      } else {
        line.append("{}");
      }
      line.append('\n');
      out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  /** Lines of twenty comma-separated words, five in seven of them non-ASCII. */
  private static byte[] denseWords(int size) {
    Random random = new Random(20261002L);
    ByteArrayOutputStream out = new ByteArrayOutputStream(size + 512);
    StringBuilder line = new StringBuilder(256);
    while (out.size() < size) {
      line.setLength(0);
      for (int i = 0; i < 20; i++) {
        line.append(WORDS[random.nextInt(WORDS.length)]).append(i < 19 ? ',' : '\n');
      }
      out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
