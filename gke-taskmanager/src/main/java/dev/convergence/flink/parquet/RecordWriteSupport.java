package dev.convergence.flink.parquet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convergence.core.config.WireName;
import dev.convergence.flink.types.RecordAccessors;
import dev.convergence.flink.types.RecordCodec;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes a record as one flat Parquet row, column per component: strings and enums (by wire name)
 * as UTF-8 STRING, instants as {@code TIMESTAMP(MICROS, UTC)}, dates as {@code DATE}, amounts as
 * {@code DECIMAL(38, 18)} in a 16-byte FIXED_LEN_BYTE_ARRAY, {@code long} as INT64, string maps as
 * JSON text. Columns named in {@code required} are REQUIRED, the rest OPTIONAL (null stays null).
 *
 * <p>Every row of every output goes through here, so the work per value is settled once per file:
 * each column is a small writer of its own kind reading its component through a generated accessor
 * ({@link RecordAccessors}, no reflection or boxing per value); amounts that fit a long at scale 18
 * are encoded without {@code BigInteger}; and the UTF-8 of repeating strings and the JSON of
 * repeating tags are kept per column ({@link BinaryCache}). The bytes written are the same as
 * encoding every value afresh.
 */
final class RecordWriteSupport<T extends Record> extends WriteSupport<T> {

  private static final int DECIMAL_BYTES = 16;
  private static final int MAX_LONG_DIGITS = 18;
  private static final long[] POWERS_OF_TEN = new long[MAX_LONG_DIGITS + 1];
  private static final VarHandle BIG_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Binary EMPTY_JSON = utf8("{}");

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private final MessageType schema;
  private final Column<T>[] columns;
  private RecordConsumer consumer;

  RecordWriteSupport(Class<T> type, String messageName, List<String> names, Set<String> required) {
    RecordCodec<T> codec = new RecordCodec<>(type);
    if (names.size() != codec.arity()) {
      throw new IllegalArgumentException(type.getName() + ": one column name per component");
    }
    List<Type> fields = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Type.Repetition rep =
          required.contains(names.get(i)) ? Type.Repetition.REQUIRED : Type.Repetition.OPTIONAL;
      fields.add(field(codec.kind(i), rep, names.get(i)));
    }
    this.schema = new MessageType(messageName, fields);
    this.columns = columns(codec, List.copyOf(names), RecordAccessors.of(type));
  }

  MessageType schema() {
    return schema;
  }

  private static Type field(RecordCodec.Kind kind, Type.Repetition rep, String name) {
    return switch (kind) {
      case STRING, ENUM, STRING_MAP ->
          Types.primitive(PrimitiveTypeName.BINARY, rep)
              .as(
                  kind == RecordCodec.Kind.STRING_MAP
                      ? LogicalTypeAnnotation.jsonType()
                      : LogicalTypeAnnotation.stringType())
              .named(name);
      case LONG -> Types.primitive(PrimitiveTypeName.INT64, rep).named(name);
      case INT -> Types.primitive(PrimitiveTypeName.INT32, rep).named(name);
      case DECIMAL ->
          Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep)
              .length(DECIMAL_BYTES)
              .as(LogicalTypeAnnotation.decimalType(Decimals.SCALE, Decimals.PRECISION))
              .named(name);
      case INSTANT ->
          Types.primitive(PrimitiveTypeName.INT64, rep)
              .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
              .named(name);
      case DATE ->
          Types.primitive(PrimitiveTypeName.INT32, rep)
              .as(LogicalTypeAnnotation.dateType())
              .named(name);
    };
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(schema, new HashMap<>());
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(T record) {
    RecordConsumer out = consumer;
    out.startMessage();
    for (Column<T> column : columns) {
      column.write(record, out);
    }
    out.endMessage();
  }

  /** The writer of each component, its kind resolved once. */
  @SuppressWarnings("unchecked")
  private static <T extends Record> Column<T>[] columns(
      RecordCodec<T> codec, List<String> names, Object[] accessors) {
    Column<T>[] columns = new Column[names.size()];
    for (int i = 0; i < columns.length; i++) {
      String name = names.get(i);
      Object accessor = accessors[i];
      columns[i] =
          switch (codec.kind(i)) {
            case LONG -> new LongColumn<>(name, i, (ToLongFunction<T>) accessor);
            case INT -> new IntColumn<>(name, i, (ToIntFunction<T>) accessor);
            case STRING -> new StringColumn<>(name, i, (Function<T, Object>) accessor);
            case ENUM -> new EnumColumn<>(name, i, (Function<T, Object>) accessor);
            case STRING_MAP -> new JsonColumn<>(name, i, (Function<T, Object>) accessor);
            case DECIMAL -> new DecimalColumn<>(name, i, (Function<T, Object>) accessor);
            case INSTANT -> new InstantColumn<>(name, i, (Function<T, Object>) accessor);
            case DATE -> new DateColumn<>(name, i, (Function<T, Object>) accessor);
          };
    }
    return columns;
  }

  /** One output column: reads its component of a record and hands a non-null value to Parquet. */
  private abstract static class Column<T> {

    final String name;
    final int index;

    Column(String name, int index) {
      this.name = name;
      this.index = index;
    }

    abstract void write(T record, RecordConsumer consumer);
  }

  /** A column of a reference component: null leaves the field out (a Parquet null). */
  private abstract static class ReferenceColumn<T> extends Column<T> {

    private final Function<T, Object> accessor;

    ReferenceColumn(String name, int index, Function<T, Object> accessor) {
      super(name, index);
      this.accessor = accessor;
    }

    @Override
    final void write(T record, RecordConsumer consumer) {
      Object value = accessor.apply(record);
      if (value == null) {
        return;
      }
      consumer.startField(name, index);
      add(value, consumer);
      consumer.endField(name, index);
    }

    abstract void add(Object value, RecordConsumer consumer);
  }

  private static final class LongColumn<T> extends Column<T> {

    private final ToLongFunction<T> accessor;

    LongColumn(String name, int index, ToLongFunction<T> accessor) {
      super(name, index);
      this.accessor = accessor;
    }

    @Override
    void write(T record, RecordConsumer consumer) {
      long value = accessor.applyAsLong(record);
      consumer.startField(name, index);
      consumer.addLong(value);
      consumer.endField(name, index);
    }
  }

  private static final class IntColumn<T> extends Column<T> {

    private final ToIntFunction<T> accessor;

    IntColumn(String name, int index, ToIntFunction<T> accessor) {
      super(name, index);
      this.accessor = accessor;
    }

    @Override
    void write(T record, RecordConsumer consumer) {
      int value = accessor.applyAsInt(record);
      consumer.startField(name, index);
      consumer.addInteger(value);
      consumer.endField(name, index);
    }
  }

  private static final class StringColumn<T> extends ReferenceColumn<T> {

    private final BinaryCache<String> binaries = new BinaryCache<>(RecordWriteSupport::utf8);

    StringColumn(String name, int index, Function<T, Object> accessor) {
      super(name, index, accessor);
    }

    @Override
    void add(Object value, RecordConsumer consumer) {
      consumer.addBinary(binaries.get((String) value));
    }
  }

  /** Enums by wire name (their {@link WireName}, else their name), each encoded once. */
  private static final class EnumColumn<T> extends ReferenceColumn<T> {

    private final BinaryCache<String> binaries = new BinaryCache<>(RecordWriteSupport::utf8);

    EnumColumn(String name, int index, Function<T, Object> accessor) {
      super(name, index, accessor);
    }

    @Override
    void add(Object value, RecordConsumer consumer) {
      consumer.addBinary(
          binaries.get(value instanceof WireName w ? w.wireName() : ((Enum<?>) value).name()));
    }
  }

  /**
   * String maps as JSON text (Jackson's, as {@link ObjectMapper#writeValueAsString} writes it).
   * Tags repeat from row to row, so a map's text is kept by its entries in iteration order (which
   * decides the text); an empty map is {@code {}}.
   */
  private static final class JsonColumn<T> extends ReferenceColumn<T> {

    private final BinaryCache<Entries> binaries = new BinaryCache<>(e -> utf8(json(e.map)));

    JsonColumn(String name, int index, Function<T, Object> accessor) {
      super(name, index, accessor);
    }

    @Override
    void add(Object value, RecordConsumer consumer) {
      Map<?, ?> map = (Map<?, ?>) value;
      Binary binary;
      if (map.isEmpty()) {
        binary = EMPTY_JSON;
      } else {
        Entries entries = Entries.of(map);
        if (entries == null) {
          binary = utf8(json(map));
        } else {
          binary = binaries.get(entries);
          entries.map = null;
        }
      }
      consumer.addBinary(binary);
    }
  }

  /**
   * A string map's keys and values in iteration order: the cache key of its JSON text. The map is
   * held only to write its text on a miss, and dropped right after.
   */
  private static final class Entries {

    private final Object[] keysAndValues;
    private final int hash;
    private Map<?, ?> map;

    private Entries(Object[] keysAndValues, Map<?, ?> map) {
      this.keysAndValues = keysAndValues;
      this.hash = Arrays.hashCode(keysAndValues);
      this.map = map;
    }

    /** The entries of a map of strings (null values allowed), else null: not cached. */
    static Entries of(Map<?, ?> map) {
      Object[] kv = new Object[map.size() * 2];
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object key = e.getKey();
        Object value = e.getValue();
        if (i + 2 > kv.length
            || !(key instanceof String)
            || !(value == null || value instanceof String)) {
          return null;
        }
        kv[i++] = key;
        kv[i++] = value;
      }
      return i == kv.length ? new Entries(kv, map) : null;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entries e
          && hash == e.hash
          && Arrays.equals(keysAndValues, e.keysAndValues);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private static final class DecimalColumn<T> extends ReferenceColumn<T> {

    DecimalColumn(String name, int index, Function<T, Object> accessor) {
      super(name, index, accessor);
    }

    @Override
    void add(Object value, RecordConsumer consumer) {
      consumer.addBinary(Binary.fromConstantByteArray(decimal((BigDecimal) value)));
    }
  }

  private static final class InstantColumn<T> extends ReferenceColumn<T> {

    InstantColumn(String name, int index, Function<T, Object> accessor) {
      super(name, index, accessor);
    }

    @Override
    void add(Object value, RecordConsumer consumer) {
      Instant t = (Instant) value;
      consumer.addLong(
          Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000L));
    }
  }

  private static final class DateColumn<T> extends ReferenceColumn<T> {

    DateColumn(String name, int index, Function<T, Object> accessor) {
      super(name, index, accessor);
    }

    @Override
    void add(Object value, RecordConsumer consumer) {
      consumer.addInteger(Math.toIntExact(((LocalDate) value).toEpochDay()));
    }
  }

  /**
   * The value as a {@code DECIMAL(38, 18)} in 16 bytes: the unscaled value at scale 18, big-endian
   * two's complement. Throws as {@link Decimals#toOutputScale} does when the value does not fit.
   */
  static byte[] decimal(BigDecimal value) {
    int scale = value.scale();
    if (scale >= 0 && scale <= Decimals.SCALE && value.precision() <= MAX_LONG_DIGITS) {
      // The unscaled value has at most 18 digits, so it is a long, and times 10^(18 - scale) it
      // has at most 36 digits: the exact 128-bit product is the output, no rounding, no overflow.
      long unscaled = value.movePointRight(scale).longValue();
      long factor = POWERS_OF_TEN[Decimals.SCALE - scale];
      byte[] out = new byte[DECIMAL_BYTES];
      BIG_ENDIAN_LONG.set(out, 0, Math.multiplyHigh(unscaled, factor));
      BIG_ENDIAN_LONG.set(out, Long.BYTES, unscaled * factor);
      return out;
    }
    return decimalViaBigInteger(value);
  }

  /** {@link #decimal} through {@code BigInteger}, for any value; the reference the tests use. */
  static byte[] decimalViaBigInteger(BigDecimal value) {
    byte[] unscaled = Decimals.toOutputScale(value).unscaledValue().toByteArray();
    byte[] out = new byte[DECIMAL_BYTES];
    byte pad = (byte) (unscaled[0] < 0 ? 0xFF : 0x00);
    int offset = DECIMAL_BYTES - unscaled.length;
    for (int i = 0; i < offset; i++) {
      out[i] = pad;
    }
    System.arraycopy(unscaled, 0, out, offset, unscaled.length);
    return out;
  }

  private static Binary utf8(String value) {
    return Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String json(Map<?, ?> map) {
    try {
      return JSON.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
