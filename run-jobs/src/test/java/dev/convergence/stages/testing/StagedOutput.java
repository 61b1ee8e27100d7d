package dev.convergence.stages.testing;

import dev.convergence.core.config.WireName;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.focus.FocusRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes a run's staged output the way the processing job lays it out (one flat Parquet column per
 * FocusRow component: strings, DECIMAL(38, 18) in 16 bytes, TIMESTAMP(MICROS, UTC), INT64, maps as
 * JSON text; rejects with their raw cost; daily aggregates and anomalies with DATE days and INT32
 * baseline days; the summary JSON), so the check, publish and finalize stages can be tested without
 * Flink. The same idea as the job's writer, written again here: deployables do not depend on each
 * other.
 */
public final class StagedOutput {

  private static final MessageType FOCUS = focusSchema();
  private static final MessageType REJECTS =
      new MessageType(
          "reject",
          string("x_source_file"),
          string("reason"),
          Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, Type.Repetition.OPTIONAL)
              .length(16)
              .as(LogicalTypeAnnotation.decimalType(18, 38))
              .named("raw_cost"));

  private static final MessageType DAILY =
      new MessageType(
          "daily_aggregate",
          string("x_tenant_id"),
          string("x_run_id"),
          date("charge_day"),
          timestamp("billing_period_start"),
          string("provider"),
          string("billing_account_id"),
          string("sub_account_id"),
          string("service_name"),
          string("region_id"),
          string("charge_category"),
          string("billing_currency"),
          string("cost_centre"),
          string("allocation"),
          decimalColumn("billed_cost"),
          decimalColumn("effective_cost"),
          decimalColumn("list_cost"),
          Types.primitive(PrimitiveTypeName.INT64, Type.Repetition.OPTIONAL).named("row_count"));

  private static final MessageType ANOMALIES =
      new MessageType(
          "anomaly",
          string("x_tenant_id"),
          string("x_run_id"),
          string("provider"),
          string("billing_account_id"),
          timestamp("billing_period_start"),
          string("sub_account_id"),
          string("service_name"),
          string("billing_currency"),
          date("charge_day"),
          decimalColumn("effective_cost"),
          decimalColumn("baseline_median"),
          decimalColumn("expected_low"),
          decimalColumn("expected_high"),
          decimalColumn("score"),
          Types.primitive(PrimitiveTypeName.INT32, Type.Repetition.OPTIONAL).named("baseline_days"),
          string("severity"));

  private final Path scratch;

  public StagedOutput(Path scratch) {
    this.scratch = scratch;
  }

  public void focusRows(ObjectStore store, String key, List<FocusRow> rows) {
    List<Group> groups = new ArrayList<>();
    SimpleGroupFactory factory = new SimpleGroupFactory(FOCUS);
    for (FocusRow row : rows) {
      Group g = factory.newGroup();
      for (Type field : FOCUS.getFields()) {
        String name = field.getName();
        Object value = row.value(name);
        if (value != null) {
          add(g, name, value);
        }
      }
      groups.add(g);
    }
    store.put(key, write(FOCUS, groups));
  }

  /** A rejects part file: one row per (source file, reason, raw cost or null). */
  public void rejects(ObjectStore store, String key, List<BigDecimal> rawCosts) {
    SimpleGroupFactory factory = new SimpleGroupFactory(REJECTS);
    List<Group> groups = new ArrayList<>();
    for (BigDecimal cost : rawCosts) {
      Group g = factory.newGroup().append("x_source_file", "f").append("reason", "MISSING_VALUE");
      if (cost != null) {
        g.add("raw_cost", Binary.fromConstantByteArray(decimal(cost)));
      }
      groups.add(g);
    }
    store.put(key, write(REJECTS, groups));
  }

  /** The job's summary JSON, for a run without daily lines or anomalies. */
  public static void summary(
      ObjectStore store,
      String key,
      String tenant,
      String run,
      long rows,
      BigDecimal cost,
      long rejects,
      BigDecimal rejectCost,
      long duplicates,
      BigDecimal duplicateCost) {
    summary(
        store,
        key,
        tenant,
        run,
        rows,
        cost,
        rejects,
        rejectCost,
        duplicates,
        duplicateCost,
        0,
        0,
        BigDecimal.ZERO);
  }

  /** The job's summary JSON, with every output the job counts. */
  public static void summary(
      ObjectStore store,
      String key,
      String tenant,
      String run,
      long rows,
      BigDecimal cost,
      long rejects,
      BigDecimal rejectCost,
      long duplicates,
      BigDecimal duplicateCost,
      long dailyLines,
      long anomalies,
      BigDecimal anomalyCost) {
    String json =
        String.format(
            "{\"tenant_id\":\"%s\",\"run_id\":\"%s\",\"outputs\":{"
                + "\"focus_rows\":{\"rows\":%d,\"billed_cost\":\"%s\"},"
                + "\"rejects\":{\"rows\":%d,\"raw_cost\":\"%s\"},"
                + "\"daily_aggregates\":{\"rows\":%d,\"billed_cost\":\"%s\"},"
                + "\"anomalies\":{\"rows\":%d,\"effective_cost\":\"%s\"},"
                + "\"superseded_snapshot_rows\":{\"rows\":0,\"billed_cost\":\"0\"},"
                + "\"duplicate_rows\":{\"rows\":%d,\"billed_cost\":\"%s\"}}}\n",
            tenant,
            run,
            rows,
            cost.toPlainString(),
            rejects,
            rejectCost.toPlainString(),
            dailyLines,
            cost.toPlainString(),
            anomalies,
            anomalyCost.toPlainString(),
            duplicates,
            duplicateCost.toPlainString());
    store.put(key, json.getBytes(StandardCharsets.UTF_8));
  }

  /** One line of the job's daily aggregates, with the columns a publish checks set. */
  public record Daily(
      String tenant,
      String run,
      String billingAccountId,
      String serviceName,
      LocalDate chargeDay,
      BigDecimal billedCost,
      long rowCount) {}

  /** A daily-aggregates part file, AWS and USD, unallocated, in the charge day's month. */
  public void daily(ObjectStore store, String key, List<Daily> lines) {
    SimpleGroupFactory factory = new SimpleGroupFactory(DAILY);
    List<Group> groups = new ArrayList<>();
    for (Daily d : lines) {
      Group g =
          factory
              .newGroup()
              .append("x_tenant_id", d.tenant())
              .append("x_run_id", d.run())
              .append("charge_day", (int) d.chargeDay().toEpochDay())
              .append("billing_period_start", micros(periodStart(d.chargeDay())))
              .append("provider", "aws")
              .append("billing_account_id", d.billingAccountId())
              .append("service_name", d.serviceName())
              .append("billing_currency", "USD")
              .append("allocation", "unallocated");
      g.add("billed_cost", Binary.fromConstantByteArray(decimal(d.billedCost())));
      g.add("effective_cost", Binary.fromConstantByteArray(decimal(d.billedCost())));
      g.add("list_cost", Binary.fromConstantByteArray(decimal(d.billedCost())));
      g.add("row_count", d.rowCount());
      groups.add(g);
    }
    store.put(key, write(DAILY, groups));
  }

  /** One anomaly as the job's scorer writes it (AWS, USD). */
  public record Anomaly(
      String tenant,
      String run,
      String billingAccountId,
      String subAccountId,
      String serviceName,
      LocalDate chargeDay,
      BigDecimal effectiveCost,
      BigDecimal baselineMedian,
      BigDecimal expectedLow,
      BigDecimal expectedHigh,
      BigDecimal score,
      int baselineDays,
      String severity) {}

  /** An anomalies part file, with the job's Parquet types ({@code baseline_days} INT32). */
  public void anomalies(ObjectStore store, String key, List<Anomaly> anomalies) {
    SimpleGroupFactory factory = new SimpleGroupFactory(ANOMALIES);
    List<Group> groups = new ArrayList<>();
    for (Anomaly a : anomalies) {
      Group g =
          factory
              .newGroup()
              .append("x_tenant_id", a.tenant())
              .append("x_run_id", a.run())
              .append("provider", "aws")
              .append("billing_account_id", a.billingAccountId())
              .append("billing_period_start", micros(periodStart(a.chargeDay())));
      if (a.subAccountId() != null) {
        g.append("sub_account_id", a.subAccountId());
      }
      g.append("service_name", a.serviceName())
          .append("billing_currency", "USD")
          .append("charge_day", (int) a.chargeDay().toEpochDay());
      g.add("effective_cost", Binary.fromConstantByteArray(decimal(a.effectiveCost())));
      g.add("baseline_median", Binary.fromConstantByteArray(decimal(a.baselineMedian())));
      g.add("expected_low", Binary.fromConstantByteArray(decimal(a.expectedLow())));
      g.add("expected_high", Binary.fromConstantByteArray(decimal(a.expectedHigh())));
      g.add("score", Binary.fromConstantByteArray(decimal(a.score())));
      g.add("baseline_days", a.baselineDays());
      g.add("severity", a.severity());
      groups.add(g);
    }
    store.put(key, write(ANOMALIES, groups));
  }

  private static Instant periodStart(LocalDate day) {
    return day.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000L;
  }

  private byte[] write(MessageType schema, List<Group> groups) {
    try {
      Path file = Files.createTempFile(scratch, "part-", ".parquet");
      Files.delete(file);
      try (ParquetWriter<Group> writer =
          ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema).build()) {
        for (Group g : groups) {
          writer.write(g);
        }
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void add(Group g, String name, Object value) {
    if (value instanceof BigDecimal d) {
      g.add(name, Binary.fromConstantByteArray(decimal(d)));
    } else if (value instanceof Instant t) {
      g.add(name, t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000L);
    } else if (value instanceof Long n) {
      g.add(name, n);
    } else if (value instanceof Map<?, ?> m) {
      g.add(name, m.toString());
    } else if (value instanceof WireName w) {
      g.add(name, w.wireName());
    } else {
      g.add(name, value.toString());
    }
  }

  static byte[] decimal(BigDecimal value) {
    byte[] unscaled = value.setScale(18, RoundingMode.UNNECESSARY).unscaledValue().toByteArray();
    byte[] out = new byte[16];
    byte pad = (byte) (unscaled[0] < 0 ? 0xFF : 0x00);
    int offset = 16 - unscaled.length;
    for (int i = 0; i < offset; i++) {
      out[i] = pad;
    }
    System.arraycopy(unscaled, 0, out, offset, unscaled.length);
    return out;
  }

  private static MessageType focusSchema() {
    List<String> names = new ArrayList<>(FocusRow.FOCUS_COLUMNS);
    names.addAll(FocusRow.X_COLUMNS);
    RecordComponent[] components = FocusRow.class.getRecordComponents();
    List<Type> fields = new ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      Class<?> type = components[i].getType();
      String name = names.get(i);
      if (type == BigDecimal.class) {
        fields.add(
            Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, Type.Repetition.OPTIONAL)
                .length(16)
                .as(LogicalTypeAnnotation.decimalType(18, 38))
                .named(name));
      } else if (type == Instant.class) {
        fields.add(
            Types.primitive(PrimitiveTypeName.INT64, Type.Repetition.OPTIONAL)
                .as(
                    LogicalTypeAnnotation.timestampType(
                        true, LogicalTypeAnnotation.TimeUnit.MICROS))
                .named(name));
      } else if (type == long.class) {
        fields.add(Types.primitive(PrimitiveTypeName.INT64, Type.Repetition.OPTIONAL).named(name));
      } else {
        fields.add(string(name));
      }
    }
    return new MessageType("focus_row", fields);
  }

  private static Type decimalColumn(String name) {
    return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, Type.Repetition.OPTIONAL)
        .length(16)
        .as(LogicalTypeAnnotation.decimalType(18, 38))
        .named(name);
  }

  private static Type timestamp(String name) {
    return Types.primitive(PrimitiveTypeName.INT64, Type.Repetition.OPTIONAL)
        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
        .named(name);
  }

  private static Type date(String name) {
    return Types.primitive(PrimitiveTypeName.INT32, Type.Repetition.OPTIONAL)
        .as(LogicalTypeAnnotation.dateType())
        .named(name);
  }

  private static Type string(String name) {
    return Types.primitive(PrimitiveTypeName.BINARY, Type.Repetition.OPTIONAL)
        .as(LogicalTypeAnnotation.stringType())
        .named(name);
  }
}
