package dev.convergence.flink.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convergence.core.config.WireName;
import dev.convergence.core.provider.Provider;
import dev.convergence.flink.anomaly.Anomaly;
import dev.convergence.flink.anomaly.Severity;
import dev.convergence.flink.types.RecordCodec;
import dev.convergence.focus.FocusRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.local.LocalDataOutputStream;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Parquet outputs read back exactly: decimals (wide, negative, tiny), timestamps to the
 * microsecond, nulls, strings, enums by wire name and tags as JSON text; and the writer's files are
 * byte for byte those of the plain per-value writer it replaced (reflection, {@link
 * Binary#fromString}, Jackson per map, {@code BigInteger} decimals), also where its caches fill up
 * and give up.
 */
class RecordWriteSupportTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FOCUS_REQUIRED =
      Set.of("x_tenant_id", "x_run_id", "x_provider", "x_source_file", "x_source_line");
  private static final Set<String> ANOMALY_REQUIRED =
      Set.of("provider", "charge_day", "effective_cost", "score", "severity");

  @TempDir Path dir;

  @Test
  void focusRowsReadBackExactly() throws Exception {
    List<FocusRow> rows = new ArrayList<>();
    rows.add(
        row(1)
            .billedCost(new BigDecimal("99999999999999999999.999999999999999999"))
            .effectiveCost(new BigDecimal("-99999999999999999999.999999999999999999"))
            .listCost(new BigDecimal("-0.000000000000000001"))
            .contractedCost(BigDecimal.ZERO)
            .pricingQuantity(new BigDecimal("1E+3"))
            .consumedQuantity(new BigDecimal("18446744073709551616.5"))
            .chargePeriodStart(Instant.parse("1969-12-31T23:59:59.999999Z"))
            .chargePeriodEnd(Instant.parse("2026-10-05T12:34:56.123456789Z"))
            .tags(Map.of())
            .serviceName("Amazon Elastic Compute Cloud")
            .chargeDescription("Zürich – 東京 \"quoted\"\n")
            .build());
    rows.add(
        row(2)
            .billedCost(new BigDecimal("5.8132676009352"))
            .effectiveCost(new BigDecimal("-9.223372036854775809"))
            .listCost(new BigDecimal("9.223372036854775807"))
            .contractedCost(new BigDecimal("-0.000000018104"))
            .chargePeriodStart(Instant.parse("2026-10-05T00:00:00Z"))
            .tags(tags("team", "ops; on-call", "env", "prod"))
            .serviceName("Amazon Elastic Compute Cloud")
            .build());
    rows.add(
        row(3)
            .billedCost(null)
            .tags(tags("quote\"d", "back\\slash", "unicode", "é\u0001\u2028"))
            .serviceName(null)
            .build());
    rows.add(row(4).tags(tags("team", "ops; on-call", "env", "prod")).build());

    Path file = write(ParquetOutputs.focusRows(), rows, "focus.parquet");

    try (Connection db = duckdb();
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT BilledCost, EffectiveCost, ListCost, ContractedCost, PricingQuantity,"
                    + " ConsumedQuantity, epoch_us(ChargePeriodStart), epoch_us(ChargePeriodEnd),"
                    + " Tags::VARCHAR, ServiceName, ChargeDescription, x_provider, x_source_line,"
                    + " RegionId, InvoiceId FROM read_parquet('"
                    + file
                    + "') ORDER BY x_source_line")) {
      assertThat(rs.next()).isTrue();
      assertDecimal(rs, 1, "99999999999999999999.999999999999999999");
      assertDecimal(rs, 2, "-99999999999999999999.999999999999999999");
      assertDecimal(rs, 3, "-0.000000000000000001");
      assertDecimal(rs, 4, "0");
      assertDecimal(rs, 5, "1000");
      assertDecimal(rs, 6, "18446744073709551616.5");
      assertThat(rs.getLong(7)).isEqualTo(-1L);
      assertThat(rs.getLong(8))
          .isEqualTo(
              Instant.parse("2026-10-05T12:34:56Z").getEpochSecond() * 1_000_000L + 123_456L);
      assertThat(rs.getString(9)).isEqualTo("{}");
      assertThat(rs.getString(10)).isEqualTo("Amazon Elastic Compute Cloud");
      assertThat(rs.getString(11)).isEqualTo("Zürich – 東京 \"quoted\"\n");
      assertThat(rs.getString(12)).isEqualTo("aws");
      assertThat(rs.getLong(13)).isEqualTo(1);
      assertThat(rs.getString(14)).isEqualTo("us-east-1");
      assertThat(rs.getString(15)).isNull();

      assertThat(rs.next()).isTrue();
      assertDecimal(rs, 1, "5.8132676009352");
      assertDecimal(rs, 2, "-9.223372036854775809");
      assertDecimal(rs, 3, "9.223372036854775807");
      assertDecimal(rs, 4, "-0.000000018104");
      assertThat(rs.getObject(5)).isNull();
      assertThat(rs.getLong(7))
          .isEqualTo(Instant.parse("2026-10-05T00:00:00Z").getEpochSecond() * 1_000_000L);
      assertThat(rs.getString(9)).isEqualTo("{\"env\":\"prod\",\"team\":\"ops; on-call\"}");

      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1)).isNull();
      assertThat(rs.getString(9))
          .isEqualTo("{\"quote\\\"d\":\"back\\\\slash\",\"unicode\":\"é\\u0001\u2028\"}");
      assertThat(rs.getString(10)).isNull();

      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(9)).isEqualTo("{\"env\":\"prod\",\"team\":\"ops; on-call\"}");
      assertThat(rs.next()).isFalse();
    }

    try (Connection db = duckdb();
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name, type, type_length, converted_type, scale, precision, logical_type"
                    + " FROM parquet_schema('"
                    + file
                    + "') WHERE name IN ('BilledCost', 'ChargePeriodStart', 'Tags', 'x_provider',"
                    + " 'x_source_line') ORDER BY name")) {
      List<String> schema = new ArrayList<>();
      while (rs.next()) {
        schema.add(
            rs.getString(1)
                + " "
                + rs.getString(2)
                + " "
                + rs.getString(3)
                + " "
                + rs.getString(4)
                + " "
                + rs.getString(5)
                + " "
                + rs.getString(6));
      }
      assertThat(schema)
          .containsExactly(
              "BilledCost FIXED_LEN_BYTE_ARRAY 16 DECIMAL 18 38",
              "ChargePeriodStart INT64 null TIMESTAMP_MICROS null null",
              "Tags BYTE_ARRAY null JSON null null",
              "x_provider BYTE_ARRAY null UTF8 null null",
              "x_source_line INT64 null null null null");
    }
    try (Connection db = duckdb();
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT DISTINCT compression FROM parquet_metadata('" + file + "')")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("SNAPPY");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void focusFilesAreByteForByteThoseOfThePlainWriter() throws Exception {
    List<FocusRow> rows = new ArrayList<>();
    String[] services = {"Amazon Elastic Compute Cloud", "Amazon S3", "AWS Lambda", "Amazon RDS"};
    // Enough rows for every cache to fill up, and the non-repeating columns' caches to give up.
    for (int i = 1; i <= 3 * BinaryCache.ROUND + 17; i++) {
      Map<String, String> tags = new HashMap<>();
      if (i % 3 != 0) {
        tags.put("team", "team-" + (i % 5));
      }
      if (i % 7 == 0) {
        tags.put("unique", "u" + i);
      }
      rows.add(
          row(i)
              .billedCost(BigDecimal.valueOf(i * 7919L - 40_000, i % 19))
              .effectiveCost(i % 11 == 0 ? null : new BigDecimal(i + "123456789012.5"))
              .listCost(new BigDecimal("-" + i + "E-18"))
              .chargePeriodStart(Instant.ofEpochSecond(1_790_000_000L + i * 3600L, i * 1001L))
              .serviceName(services[i % services.length])
              .resourceId(i % 2 == 0 ? null : "arn:aws:ec2:us-east-1:123:instance/i-" + i)
              .xSourceRowId(new String("row-" + (i % 1500)))
              .chargeDescription(i % 13 == 0 ? "Zürich – 東京 " + (i % 3) : "usage")
              .tags(tags)
              .build());
    }
    assertSameFile(
        ParquetOutputs.focusRows(),
        reference(FocusRow.class, "focus_row", FocusColumns.NAMES, FOCUS_REQUIRED),
        rows);
  }

  @Test
  void anomalyFilesAreByteForByteThoseOfThePlainWriter() throws Exception {
    List<Anomaly> rows = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      rows.add(
          new Anomaly(
              "acme",
              "run-1",
              Provider.values()[i % Provider.values().length],
              i % 4 == 0 ? null : "1111" + (i % 3),
              Instant.parse("2026-10-01T00:00:00Z"),
              "2222" + (i % 9),
              "service " + (i % 40),
              "USD",
              LocalDate.of(2026, 10, 1).plusDays(i % 31),
              new BigDecimal(i).movePointLeft(i % 19),
              i % 5 == 0 ? null : new BigDecimal("-" + i + ".5"),
              BigDecimal.ONE,
              BigDecimal.TEN.pow(19),
              new BigDecimal("3.14159265358979323846").setScale(18, java.math.RoundingMode.DOWN),
              i * 31,
              Severity.values()[i % 3]));
    }
    assertSameFile(
        ParquetOutputs.anomalies(),
        reference(Anomaly.class, "anomaly", Anomaly.COLUMNS, ANOMALY_REQUIRED),
        rows);
  }

  @Test
  void mapsInAnyOrderKeepTheirOwnOrderInTheText() {
    // The JSON text follows the map's iteration order, so equal maps in another order are
    // different text: the cache must not hand one the other's.
    Map<String, String> ab = new LinkedHashMap<>();
    ab.put("a", "1");
    ab.put("b", "2");
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("b", "2");
    ba.put("a", "1");
    record Tagged(Map<String, String> tags) {}
    RecordWriteSupport<Tagged> support =
        new RecordWriteSupport<>(Tagged.class, "tagged", List.of("tags"), Set.of());
    List<String> written = new ArrayList<>();
    support.prepareForWrite(new TextCollector(written));
    support.write(new Tagged(ab));
    support.write(new Tagged(ba));
    support.write(new Tagged(ab));
    support.write(new Tagged(Map.of()));
    support.write(new Tagged(null));
    assertThat(written)
        .containsExactly(
            "{\"a\":\"1\",\"b\":\"2\"}",
            "{\"b\":\"2\",\"a\":\"1\"}",
            "{\"a\":\"1\",\"b\":\"2\"}",
            "{}");
  }

  private static FocusRow.Builder row(long line) {
    return FocusRow.builder()
        .xTenantId("acme_corp")
        .xRunId("run-1")
        .xProvider(Provider.AWS)
        .xSourceFile("cur.csv")
        .xSourceLine(line)
        .billingAccountId("111111111111")
        .subAccountId("222222222222")
        .regionId("us-east-1")
        .billingCurrency("USD");
  }

  private static Map<String, String> tags(String... kv) {
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      map.put(kv[i], kv[i + 1]);
    }
    return map;
  }

  private static void assertDecimal(ResultSet rs, int column, String expected) throws SQLException {
    BigDecimal actual = rs.getBigDecimal(column);
    assertThat(actual).as("column " + column).isNotNull();
    assertThat(actual.scale()).isEqualTo(Decimals.SCALE);
    assertThat(actual).isEqualTo(new BigDecimal(expected).setScale(Decimals.SCALE));
  }

  private <T> void assertSameFile(
      ParquetWriterFactory<T> factory, ParquetWriterFactory<T> reference, List<T> rows)
      throws IOException {
    byte[] actual = Files.readAllBytes(write(factory, rows, "actual.parquet"));
    byte[] expected = Files.readAllBytes(write(reference, rows, "expected.parquet"));
    assertThat(actual.length).isEqualTo(expected.length);
    assertThat(Arrays.mismatch(actual, expected)).as("first differing byte").isEqualTo(-1);
  }

  private <T> Path write(ParquetWriterFactory<T> factory, List<T> rows, String name)
      throws IOException {
    Path file = dir.resolve(name);
    try (LocalDataOutputStream out = new LocalDataOutputStream(file.toFile())) {
      BulkWriter<T> writer = factory.create(out);
      for (T row : rows) {
        writer.addElement(row);
      }
      writer.finish();
    }
    return file;
  }

  private static Connection duckdb() throws SQLException {
    Properties props = new Properties();
    props.setProperty("autoinstall_known_extensions", "false");
    props.setProperty("autoload_known_extensions", "true");
    Connection db = DriverManager.getConnection("jdbc:duckdb:", props);
    try (Statement s = db.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
    }
    return db;
  }

  /** The writer as it was: one reflective call, one encoding and one JSON text per value. */
  private static <T extends Record> ParquetWriterFactory<T> reference(
      Class<T> type, String message, List<String> names, Set<String> required) {
    return new ParquetWriterFactory<>(
        out -> new ReferenceBuilder<>(out, type, message, names, required).build());
  }

  private static final class ReferenceBuilder<T extends Record>
      extends ParquetWriter.Builder<T, ReferenceBuilder<T>> {

    private final Class<T> type;
    private final String message;
    private final List<String> names;
    private final Set<String> required;

    ReferenceBuilder(
        OutputFile file, Class<T> type, String message, List<String> names, Set<String> required) {
      super(file);
      this.type = type;
      this.message = message;
      this.names = names;
      this.required = required;
      withCompressionCodec(CompressionCodecName.SNAPPY);
    }

    @Override
    protected ReferenceBuilder<T> self() {
      return this;
    }

    @Override
    protected WriteSupport<T> getWriteSupport(Configuration conf) {
      return new ReferenceWriteSupport<>(
          new RecordWriteSupport<>(type, message, names, required), type, names);
    }
  }

  private static final class ReferenceWriteSupport<T extends Record> extends WriteSupport<T> {

    private final RecordWriteSupport<T> schemaOf;
    private final RecordCodec<T> codec;
    private final List<String> names;
    private RecordConsumer consumer;

    ReferenceWriteSupport(RecordWriteSupport<T> schemaOf, Class<T> type, List<String> names) {
      this.schemaOf = schemaOf;
      this.codec = new RecordCodec<>(type);
      this.names = names;
    }

    @Override
    @SuppressWarnings("deprecation")
    public WriteContext init(Configuration configuration) {
      return new WriteContext(schemaOf.schema(), new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      consumer = recordConsumer;
    }

    @Override
    public void write(T record) {
      consumer.startMessage();
      for (int i = 0; i < names.size(); i++) {
        Object value = codec.get(record, i);
        if (value == null) {
          continue;
        }
        consumer.startField(names.get(i), i);
        switch (codec.kind(i)) {
          case STRING -> consumer.addBinary(Binary.fromString((String) value));
          case ENUM ->
              consumer.addBinary(
                  Binary.fromString(
                      value instanceof WireName w ? w.wireName() : ((Enum<?>) value).name()));
          case STRING_MAP -> {
            try {
              consumer.addBinary(Binary.fromString(JSON.writeValueAsString(value)));
            } catch (JsonProcessingException e) {
              throw new IllegalStateException(e);
            }
          }
          case LONG -> consumer.addLong((Long) value);
          case INT -> consumer.addInteger((Integer) value);
          case DECIMAL ->
              consumer.addBinary(
                  Binary.fromConstantByteArray(
                      RecordWriteSupport.decimalViaBigInteger((BigDecimal) value)));
          case INSTANT -> {
            Instant t = (Instant) value;
            consumer.addLong(
                Math.addExact(
                    Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000L));
          }
          case DATE -> consumer.addInteger(Math.toIntExact(((LocalDate) value).toEpochDay()));
        }
        consumer.endField(names.get(i), i);
      }
      consumer.endMessage();
    }
  }

  /** A record consumer that keeps the text of each binary value written. */
  private static final class TextCollector extends RecordConsumer {

    private final List<String> texts;

    TextCollector(List<String> texts) {
      this.texts = texts;
    }

    @Override
    public void startMessage() {}

    @Override
    public void endMessage() {}

    @Override
    public void startField(String field, int index) {}

    @Override
    public void endField(String field, int index) {}

    @Override
    public void startGroup() {}

    @Override
    public void endGroup() {}

    @Override
    public void addInteger(int value) {}

    @Override
    public void addLong(long value) {}

    @Override
    public void addBoolean(boolean value) {}

    @Override
    public void addBinary(Binary value) {
      texts.add(value.toStringUsingUTF8());
    }

    @Override
    public void addFloat(float value) {}

    @Override
    public void addDouble(double value) {}
  }
}
