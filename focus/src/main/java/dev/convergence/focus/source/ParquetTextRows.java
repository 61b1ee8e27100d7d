package dev.convergence.focus.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Turns a Parquet file's rows into the text fields of a tabular record, one row at a time: each
 * top-level primitive column becomes its text ({@link ParquetText}), each top-level MAP column (CUR
 * 2.0 {@code resource_tags}, {@code product}, {@code cost_category}, {@code discount}) a JSON
 * object, as the CSV export of the same data writes it. Other nested columns (lists, structs) are
 * left out of the projection, so they are never read.
 */
final class ParquetTextRows extends RecordMaterializer<String[]> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MessageType projection;
  private final Root root;

  private ParquetTextRows(MessageType projection) {
    this.projection = projection;
    this.root = new Root(projection);
  }

  /** The rows of a file with this schema, reading only the columns that can be rendered. */
  static ParquetTextRows forSchema(MessageType fileSchema) {
    List<Type> readable = new ArrayList<>();
    for (Type field : fileSchema.getFields()) {
      if (field.isRepetition(Type.Repetition.REPEATED)) {
        continue;
      }
      if (field.isPrimitive() ? ParquetText.supports(field.asPrimitiveType()) : isMap(field)) {
        readable.add(field);
      }
    }
    return new ParquetTextRows(new MessageType(fileSchema.getName(), readable));
  }

  MessageType projection() {
    return projection;
  }

  @Override
  public String[] getCurrentRecord() {
    return root.values;
  }

  @Override
  public GroupConverter getRootConverter() {
    return root;
  }

  /**
   * A MAP column: {@code group (MAP) { repeated group key_value { key; value; } }} with primitive
   * keys and values (or the legacy MAP_KEY_VALUE spelling of it).
   */
  private static boolean isMap(Type field) {
    GroupType group = field.asGroupType();
    boolean annotated =
        group.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
            || group.getLogicalTypeAnnotation()
                instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation;
    if (!annotated || group.getFieldCount() != 1 || group.getType(0).isPrimitive()) {
      return false;
    }
    GroupType entry = group.getType(0).asGroupType();
    return entry.isRepetition(Type.Repetition.REPEATED)
        && entry.getFieldCount() == 2
        && entry.getType(0).isPrimitive()
        && entry.getType(1).isPrimitive()
        && ParquetText.supports(entry.getType(0).asPrimitiveType())
        && ParquetText.supports(entry.getType(1).asPrimitiveType());
  }

  /** One converter a column, writing into a fresh array for every row. */
  private static final class Root extends GroupConverter {

    private final Converter[] columns;
    private String[] values;

    Root(MessageType projection) {
      columns = new Converter[projection.getFieldCount()];
      for (int i = 0; i < columns.length; i++) {
        int position = i;
        Consumer<String> sink = value -> values[position] = value;
        Type field = projection.getType(i);
        columns[i] =
            field.isPrimitive()
                ? ParquetText.converter(field.asPrimitiveType(), sink)
                : new MapAsJson(field.asGroupType(), sink);
      }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return columns[fieldIndex];
    }

    @Override
    public void start() {
      values = new String[columns.length];
    }

    @Override
    public void end() {}
  }

  /** A map value as a JSON object in the file's entry order; a null map stays null. */
  private static final class MapAsJson extends GroupConverter {

    private final Consumer<String> sink;
    private final GroupConverter entries;
    private ObjectNode object;
    private String key;
    private String value;

    MapAsJson(GroupType map, Consumer<String> sink) {
      this.sink = sink;
      GroupType entry = map.getType(0).asGroupType();
      Converter keyConverter =
          ParquetText.converter(entry.getType(0).asPrimitiveType(), text -> key = text);
      Converter valueConverter =
          ParquetText.converter(entry.getType(1).asPrimitiveType(), text -> value = text);
      this.entries =
          new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
              return fieldIndex == 0 ? keyConverter : valueConverter;
            }

            @Override
            public void start() {
              key = null;
              value = null;
            }

            @Override
            public void end() {
              if (key != null) {
                object.put(key, value);
              }
            }
          };
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return entries;
    }

    @Override
    public void start() {
      object = JSON.createObjectNode();
    }

    @Override
    public void end() {
      try {
        sink.accept(JSON.writeValueAsString(object));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException("cannot write a map as JSON", e);
      }
    }
  }
}
