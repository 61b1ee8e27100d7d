package dev.convergence.flink.types;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Writes and reads a record component by component, for the value types the pipeline's records
 * hold: {@code String}, {@code long}, {@code int}, {@code BigDecimal} (unscaled value and scale,
 * exact), {@code Instant}, {@code LocalDate} (epoch day), enums (by name) and {@code Map<String,
 * String>}. Every reference component may be null. Built once per record class; the reflective
 * handles are re-created after Java deserialization.
 */
public final class RecordCodec<T extends Record> implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The kinds of component the codec knows, one per supported Java type. */
  public enum Kind {
    STRING,
    LONG,
    INT,
    DECIMAL,
    INSTANT,
    DATE,
    ENUM,
    STRING_MAP
  }

  private final Class<T> type;
  private transient RecordComponent[] components;
  private transient Object[] accessors;
  private transient Kind[] kinds;
  private transient Constructor<T> constructor;

  public RecordCodec(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
    init();
  }

  public Class<T> type() {
    return type;
  }

  public int arity() {
    return components().length;
  }

  public Kind kind(int i) {
    components();
    return kinds[i];
  }

  /** The value of component {@code i} of {@code value}. */
  @SuppressWarnings("unchecked")
  public Object get(T value, int i) {
    Object accessor = accessors()[i];
    if (accessor instanceof ToLongFunction<?> f) {
      return ((ToLongFunction<T>) f).applyAsLong(value);
    }
    if (accessor instanceof ToIntFunction<?> f) {
      return ((ToIntFunction<T>) f).applyAsInt(value);
    }
    return ((Function<T, Object>) accessor).apply(value);
  }

  @SuppressWarnings("unchecked")
  public void write(T value, DataOutput out) throws IOException {
    Object[] as = accessors();
    for (int i = 0; i < as.length; i++) {
      switch (kinds[i]) {
        case LONG -> out.writeLong(((ToLongFunction<T>) as[i]).applyAsLong(value));
        case INT -> out.writeInt(((ToIntFunction<T>) as[i]).applyAsInt(value));
        default -> {
          Object reference = ((Function<T, Object>) as[i]).apply(value);
          out.writeBoolean(reference != null);
          if (reference != null) {
            writeReference(kinds[i], reference, out);
          }
        }
      }
    }
  }

  public T read(DataInput in) throws IOException {
    RecordComponent[] cs = components();
    Object[] values = new Object[cs.length];
    for (int i = 0; i < cs.length; i++) {
      values[i] = readValue(kinds[i], cs[i].getType(), in);
    }
    try {
      return constructor.newInstance(values);
    } catch (InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException("cannot build " + type.getName(), e);
    } catch (InvocationTargetException e) {
      throw new IOException("cannot rebuild " + type.getSimpleName(), e.getCause());
    }
  }

  private RecordComponent[] components() {
    if (components == null) {
      init();
    }
    return components;
  }

  private Object[] accessors() {
    if (components == null) {
      init();
    }
    return accessors;
  }

  private void init() {
    RecordComponent[] cs = type.getRecordComponents();
    Kind[] ks = new Kind[cs.length];
    Class<?>[] types = new Class<?>[cs.length];
    for (int i = 0; i < cs.length; i++) {
      ks[i] = kindOf(cs[i].getType(), type.getName() + "." + cs[i].getName());
      types[i] = cs[i].getType();
    }
    try {
      Constructor<T> c = type.getDeclaredConstructor(types);
      c.setAccessible(true);
      constructor = c;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("no canonical constructor on " + type.getName(), e);
    }
    accessors = RecordAccessors.of(type);
    kinds = ks;
    components = cs;
  }

  private static Kind kindOf(Class<?> c, String where) {
    if (c == String.class) {
      return Kind.STRING;
    } else if (c == long.class) {
      return Kind.LONG;
    } else if (c == int.class) {
      return Kind.INT;
    } else if (c == BigDecimal.class) {
      return Kind.DECIMAL;
    } else if (c == Instant.class) {
      return Kind.INSTANT;
    } else if (c == LocalDate.class) {
      return Kind.DATE;
    } else if (c.isEnum()) {
      return Kind.ENUM;
    } else if (Map.class.isAssignableFrom(c)) {
      return Kind.STRING_MAP;
    }
    throw new IllegalArgumentException(where + ": unsupported component type " + c.getName());
  }

  private static void writeValue(Kind kind, Object value, DataOutput out) throws IOException {
    switch (kind) {
      case LONG -> out.writeLong((Long) value);
      case INT -> out.writeInt((Integer) value);
      default -> {
        out.writeBoolean(value != null);
        if (value != null) {
          writeReference(kind, value, out);
        }
      }
    }
  }

  private static void writeReference(Kind kind, Object value, DataOutput out) throws IOException {
    switch (kind) {
      case STRING -> out.writeUTF((String) value);
      case DECIMAL -> {
        BigDecimal d = (BigDecimal) value;
        byte[] unscaled = d.unscaledValue().toByteArray();
        out.writeInt(d.scale());
        out.writeInt(unscaled.length);
        out.write(unscaled);
      }
      case INSTANT -> {
        Instant t = (Instant) value;
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
      }
      case DATE -> out.writeLong(((LocalDate) value).toEpochDay());
      case ENUM -> out.writeUTF(((Enum<?>) value).name());
      case STRING_MAP -> {
        Map<?, ?> map = (Map<?, ?>) value;
        out.writeInt(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.writeUTF((String) e.getKey());
          writeValue(Kind.STRING, e.getValue(), out);
        }
      }
      default -> throw new IllegalStateException("not a reference kind: " + kind);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object readValue(Kind kind, Class<?> c, DataInput in) throws IOException {
    switch (kind) {
      case LONG:
        return in.readLong();
      case INT:
        return in.readInt();
      default:
        break;
    }
    if (!in.readBoolean()) {
      return null;
    }
    return switch (kind) {
      case STRING -> in.readUTF();
      case DECIMAL -> {
        int scale = in.readInt();
        byte[] unscaled = new byte[in.readInt()];
        in.readFully(unscaled);
        yield new BigDecimal(new BigInteger(unscaled), scale);
      }
      case INSTANT -> Instant.ofEpochSecond(in.readLong(), in.readInt());
      case DATE -> LocalDate.ofEpochDay(in.readLong());
      case ENUM -> Enum.valueOf((Class) c, in.readUTF());
      case STRING_MAP -> {
        int n = in.readInt();
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          map.put(in.readUTF(), (String) readValue(Kind.STRING, String.class, in));
        }
        yield map;
      }
      default -> throw new IllegalStateException("not a reference kind: " + kind);
    };
  }
}
