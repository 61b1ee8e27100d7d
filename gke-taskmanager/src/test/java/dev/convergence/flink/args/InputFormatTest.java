package dev.convergence.flink.args;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.FocusRow;
import dev.convergence.focus.SourceContext;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job opens each layout with its FOCUS reader, through Flink's file systems. */
class InputFormatTest {

  @TempDir Path dir;

  @Test
  void gcpParquetIsReadWithRandomAccessThroughFlinksFileSystem() throws Exception {
    MessageType schema =
        MessageTypeParser.parseMessageType(
            """
            message schema {
              optional binary billing_account_id (STRING);
              optional int64 usage_start_time (TIMESTAMP(MICROS,true));
              optional int64 usage_end_time (TIMESTAMP(MICROS,true));
              optional int64 export_time (TIMESTAMP(MICROS,true));
              optional double cost;
              optional binary currency (STRING);
              optional group invoice { optional binary month (STRING); }
              optional binary cost_type (STRING);
            }
            """);
    Path file = dir.resolve("000000000000.parquet");
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(schema)
            .build()) {
      Group row = new SimpleGroupFactory(schema).newGroup();
      row.append("billing_account_id", "01A2B3-C4D5E6-F7A8B9")
          .append("usage_start_time", micros("2026-10-05T10:00:00Z"))
          .append("usage_end_time", micros("2026-10-05T11:00:00Z"))
          .append("export_time", micros("2026-10-05T14:03:11.123456Z"))
          .append("cost", 0.123456789012345)
          .append("currency", "EUR")
          .append("cost_type", "regular");
      row.addGroup("invoice").append("month", "202610");
      writer.write(row);
    }

    List<FocusRow> rows = new ArrayList<>();
    try (ConversionStream stream =
        InputFormat.GCP_PARQUET.open(
            new org.apache.flink.core.fs.Path(file.toUri()),
            SourceContext.appendOnly("acme_corp", "run-1", "extract/000000000000.parquet"))) {
      stream.drain(rows::add, reject -> {});
    }

    assertThat(rows)
        .extracting(FocusRow::billedCost, FocusRow::billingAccountId, FocusRow::xSourceLine)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                new BigDecimal("0.123456789012345"), "01A2B3-C4D5E6-F7A8B9", 1L));
    assertThat(rows.get(0).xRowIdentity()).matches("[0-9a-f]{64}");
  }

  private static long micros(String instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(instant));
  }
}
