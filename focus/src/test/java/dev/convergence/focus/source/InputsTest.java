package dev.convergence.focus.source;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.convergence.focus.Samples;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Decoding provider files by their byte-order mark, as FastCSV's detectBomHeader did. */
class InputsTest {

  private static final String CSV = "/aws/cur2-sample.csv";
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  @Test
  void aUtf8ByteOrderMarkIsLeftOut() throws IOException {
    byte[] plain = Samples.open(CSV).readAllBytes();
    List<List<String>> withoutMark = records(Inputs.text(new ByteArrayInputStream(plain)));
    List<List<String>> withMark =
        records(Inputs.text(new ByteArrayInputStream(withMark(plain, 0xEF, 0xBB, 0xBF))));

    assertThat(withMark).isEqualTo(withoutMark).hasSizeGreaterThan(1);
    assertThat(withMark.get(0).get(0)).isEqualTo("identity_line_item_id");
    assertThat(String.join("\n", withMark.get(1))).contains("Zürich");
  }

  @Test
  void aUtf16LeFileWithAByteOrderMarkIsReadAsUtf16() throws IOException {
    String text = "identity_line_item_id,user_city\nc-1,Zürich\nc-2,東京 😀\n";
    byte[] utf16 = withMark(text.getBytes(StandardCharsets.UTF_16LE), 0xFF, 0xFE);

    List<List<String>> records = records(Inputs.text(new ByteArrayInputStream(utf16)));

    assertThat(records)
        .containsExactly(
            List.of("identity_line_item_id", "user_city"),
            List.of("c-1", "Zürich"),
            List.of("c-2", "東京 😀"));
    assertThat(records.get(0).get(0)).isEqualTo("identity_line_item_id");
  }

  /** The records are those the previous reading, FastCSV's own detection, gave, mark by mark. */
  @Test
  void everyMarkGivesTheRecordsFastCsvsDetectionGave() throws IOException {
    String text = new String(Samples.open(CSV).readAllBytes(), StandardCharsets.UTF_8);
    List<byte[]> files =
        List.of(
            text.getBytes(StandardCharsets.UTF_8),
            withMark(text.getBytes(StandardCharsets.UTF_8), 0xEF, 0xBB, 0xBF),
            withMark(text.getBytes(StandardCharsets.UTF_16BE), 0xFE, 0xFF),
            withMark(text.getBytes(StandardCharsets.UTF_16LE), 0xFF, 0xFE),
            withMark(text.getBytes(UTF_32BE), 0x00, 0x00, 0xFE, 0xFF),
            withMark(text.getBytes(UTF_32LE), 0xFF, 0xFE, 0x00, 0x00));
    for (byte[] file : files) {
      List<List<String>> expected = fastCsvDetectingTheMark(file);
      assertThat(expected.get(0).get(0)).isEqualTo("identity_line_item_id");
      assertThat(records(Inputs.text(new ByteArrayInputStream(file)))).isEqualTo(expected);
      assertThat(records(Inputs.text(new ByteArrayInputStream(gzip(file))))).isEqualTo(expected);
    }
    // Only the first mark is left out, by FastCSV as here: a second one stays, as U+FEFF.
    byte[] twoMarks =
        withMark(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8), 0xEF, 0xBB, 0xBF);
    List<List<String>> expected = fastCsvDetectingTheMark(twoMarks);
    assertThat(expected.get(0).get(0)).isEqualTo("\uFEFFidentity_line_item_id");
    assertThat(records(Inputs.text(new ByteArrayInputStream(twoMarks)))).isEqualTo(expected);
  }

  /** FastCSV's detection gave these wrongly ("a" came out as U+0000); they are read as they are. */
  @Test
  void textsShorterThanTheLongestMark() throws IOException {
    assertThat(text(new byte[0])).isEmpty();
    assertThat(text("a".getBytes(StandardCharsets.UTF_8))).isEqualTo("a");
    assertThat(text("ab\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("ab\n");
    assertThat(text("é".getBytes(StandardCharsets.UTF_8))).isEqualTo("é");
    assertThat(text(withMark(new byte[0], 0xEF, 0xBB, 0xBF))).isEmpty();
    assertThat(text(withMark("a".getBytes(StandardCharsets.UTF_8), 0xEF, 0xBB, 0xBF)))
        .isEqualTo("a");
    assertThat(text(withMark("x".getBytes(StandardCharsets.UTF_16LE), 0xFF, 0xFE))).isEqualTo("x");
  }

  private static String text(byte[] file) throws IOException {
    try (Reader reader = Inputs.text(new ByteArrayInputStream(file))) {
      StringWriter out = new StringWriter();
      reader.transferTo(out);
      return out.toString();
    }
  }

  private static List<List<String>> records(Reader reader) throws IOException {
    try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(reader)) {
      return fields(csv);
    }
  }

  private static List<List<String>> fastCsvDetectingTheMark(byte[] file) throws IOException {
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .detectBomHeader(true)
            .ofCsvRecord(new ByteArrayInputStream(file), StandardCharsets.UTF_8)) {
      return fields(csv);
    }
  }

  private static List<List<String>> fields(CsvReader<CsvRecord> csv) {
    List<List<String>> records = new ArrayList<>();
    csv.forEach(record -> records.add(record.getFields()));
    return records;
  }

  private static byte[] withMark(byte[] text, int... mark) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int b : mark) {
      out.write(b);
    }
    out.writeBytes(text);
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(file);
    }
    return out.toByteArray();
  }
}
