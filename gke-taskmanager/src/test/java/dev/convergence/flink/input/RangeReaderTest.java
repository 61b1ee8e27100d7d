package dev.convergence.flink.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.flink.args.InputFile;
import dev.convergence.flink.args.InputFormat;
import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.Converted;
import dev.convergence.focus.FocusRow;
import dev.convergence.focus.Reject;
import dev.convergence.focus.SourceContext;
import dev.convergence.focus.synth.GeneratorSettings;
import dev.convergence.focus.synth.SyntheticBillingGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file read in parts gives exactly the rows and rejects, line numbers included, of the file read
 * whole: with quoted line breaks and doubled quotes inside fields, CR LF line ends, a malformed
 * record, and JSON lines.
 */
class RangeReaderTest {

  @TempDir Path dir;

  @Test
  void csvPartsConvertToTheWholeFilesRowsAndRejects() throws IOException {
    Path generated = generate(Provider.AWS, 400);
    String csv = Files.readString(generated);
    // Quoted fields with line breaks and quotes inside, and one record with a field too many.
    csv =
        csv.replace(
                ",Amazon Relational Database Service usage,",
                ",\"Amazon Relational\nDatabase \"\"Service\"\" usage\",")
            .replace(",ops; on-call,", ",\"ops,\non-call\",");
    int third = csv.indexOf(",prod\n", csv.length() / 3) + ",prod".length();
    csv = csv.substring(0, third) + ",extra" + csv.substring(third);
    Path file = dir.resolve("cur.csv");
    Files.writeString(file, csv);
    assertThat(csv.contains("Relational\nDatabase") && csv.contains("ops,\non-call")).isTrue();

    List<Converted> whole =
        assertSameInParts(
            InputFile.snapshot(InputFormat.AWS_CUR, "2026-10-20T06:00:00Z", file + ""));
    assertThat(whole).filteredOn(Reject.class::isInstance).hasSize(1);

    Path crlf = dir.resolve("cur-crlf.csv");
    Files.writeString(crlf, csv.replace("\n", "\r\n"));
    assertSameInParts(InputFile.snapshot(InputFormat.AWS_CUR, "2026-10-20T06:00:00Z", crlf + ""));
  }

  @Test
  void jsonLinesPartsConvertToTheWholeFilesRows() throws IOException {
    Path file = generate(Provider.GCP, 300);
    assertSameInParts(InputFile.appendOnly(InputFormat.GCP_JSONL, file.toString()));
  }

  private Path generate(Provider provider, int rows) throws IOException {
    return SyntheticBillingGenerator.generate(
            new GeneratorSettings(
                provider,
                BillingPeriod.of(2026, 10),
                rows,
                5,
                1,
                2,
                dir.resolve("gen-" + provider)))
        .get(0);
  }

  private List<Converted> assertSameInParts(InputFile file) throws IOException {
    List<Converted> whole = convert(List.of(FileRange.whole(file)), file);
    assertThat(whole).hasSizeGreaterThan(100);
    for (long target : List.of(1_000L, 7_777L, 50_000L)) {
      List<FileRange> parts = new ArrayList<>();
      try (InputStream in = Files.newInputStream(Path.of(file.uri()))) {
        TextRanges.scan(
            in,
            target,
            !file.format().isJsonLines(),
            !file.format().isJsonLines(),
            (start, end, headerEnd, lineOffset) ->
                parts.add(FileRange.part(file, start, end, headerEnd, lineOffset)));
      }
      assertThat(parts).hasSizeGreaterThan(1);
      assertThat(parts.get(0).start()).isZero();
      for (int k = 1; k < parts.size(); k++) {
        assertThat(parts.get(k).start()).isEqualTo(parts.get(k - 1).end());
      }
      assertThat(parts.get(parts.size() - 1).end()).isEqualTo(Files.size(Path.of(file.uri())));
      assertThat(convert(parts, file)).as("in parts of %d bytes", target).isEqualTo(whole);
    }
    return whole;
  }

  private static List<Converted> convert(List<FileRange> ranges, InputFile file)
      throws IOException {
    List<Converted> all = new ArrayList<>();
    for (FileRange range : ranges) {
      try (ConversionStream stream =
          RangeReader.open(range, new SourceContext("t", "r", file.uri(), file.snapshotId()))) {
        stream.forEachRemaining(all::add);
      }
    }
    long rejects = all.stream().filter(Reject.class::isInstance).count();
    long rows = all.stream().filter(FocusRow.class::isInstance).count();
    assertThat(rows + rejects).isEqualTo(all.size());
    return all;
  }
}
