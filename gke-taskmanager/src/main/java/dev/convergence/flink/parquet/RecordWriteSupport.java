package dev.convergence.flink.parquet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convergence.core.config.WireName;
import dev.convergence.flink.types.RecordCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 */
final class RecordWriteSupport<T extends Record> extends WriteSupport<T> {

  private static final int DECIMAL_BYTES = 16;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordCodec<T> codec;
  private final List<String> names;
  private final MessageType schema;
  private RecordConsumer consumer;

  RecordWriteSupport(Class<T> type, String messageName, List<String> names, Set<String> required) {
    this.codec = new RecordCodec<>(type);
    this.names = List.copyOf(names);
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
    consumer.startMessage();
    for (int i = 0; i < names.size(); i++) {
      Object value = codec.get(record, i);
      if (value == null) {
        continue;
      }
      String name = names.get(i);
      consumer.startField(name, i);
      writeValue(codec.kind(i), value);
      consumer.endField(name, i);
    }
    consumer.endMessage();
  }

  private void writeValue(RecordCodec.Kind kind, Object value) {
    switch (kind) {
      case STRING -> consumer.addBinary(Binary.fromString((String) value));
      case ENUM ->
          consumer.addBinary(
              Binary.fromString(
                  value instanceof WireName w ? w.wireName() : ((Enum<?>) value).name()));
      case STRING_MAP -> consumer.addBinary(Binary.fromString(json((Map<?, ?>) value)));
      case LONG -> consumer.addLong((Long) value);
      case INT -> consumer.addInteger((Integer) value);
      case DECIMAL -> consumer.addBinary(Binary.fromConstantByteArray(decimal((BigDecimal) value)));
      case INSTANT -> {
        Instant t = (Instant) value;
        consumer.addLong(
            Math.addExact(
                Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000L));
      }
      case DATE -> consumer.addInteger(Math.toIntExact(((LocalDate) value).toEpochDay()));
    }
  }

  static byte[] decimal(BigDecimal value) {
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

  private static String json(Map<?, ?> map) {
    try {
      return JSON.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
