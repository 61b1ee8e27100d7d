package dev.convergence.flink.types;

import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A Flink serializer for an immutable record, through {@link RecordCodec}: exact for {@code
 * BigDecimal}, no Kryo. Its snapshot names the record class; a changed record shape needs a new
 * snapshot version.
 */
public final class RecordSerializer<T extends Record> extends TypeSerializer<T> {

  private static final long serialVersionUID = 1L;

  private final RecordCodec<T> codec;

  public RecordSerializer(Class<T> type) {
    this.codec = new RecordCodec<>(type);
  }

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    return this;
  }

  @Override
  public T createInstance() {
    return null;
  }

  @Override
  public T copy(T from) {
    return from;
  }

  @Override
  public T copy(T from, T reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(T record, DataOutputView target) throws IOException {
    codec.write(record, target);
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    return codec.read(source);
  }

  @Override
  public T deserialize(T reuse, DataInputView source) throws IOException {
    return codec.read(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    codec.write(codec.read(source), target);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordSerializer<?> other && other.codec.type() == codec.type();
  }

  @Override
  public int hashCode() {
    return codec.type().hashCode();
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new Snapshot<>(codec.type());
  }

  /** Names the record class; restores a serializer for it. */
  public static final class Snapshot<T extends Record> implements TypeSerializerSnapshot<T> {

    private Class<T> type;

    /** For Flink's reflective restore. */
    public Snapshot() {}

    Snapshot(Class<T> type) {
      this.type = Objects.requireNonNull(type);
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeUTF(type.getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int version, DataInputView in, ClassLoader loader) throws IOException {
      String name = in.readUTF();
      try {
        type = (Class<T>) Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        throw new IOException("record class " + name + " is not on the classpath", e);
      }
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
      return new RecordSerializer<>(type);
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
        TypeSerializerSnapshot<T> oldSnapshot) {
      return oldSnapshot instanceof Snapshot<T> old && old.type == type
          ? TypeSerializerSchemaCompatibility.compatibleAsIs()
          : TypeSerializerSchemaCompatibility.incompatible();
    }
  }
}
