package dev.convergence.focus.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.convergence.focus.MissingColumnsException;
import dev.convergence.focus.source.ParquetText;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Assembles each row of a billing-export table extracted by BigQuery's {@code EXPORT DATA …
 * format='PARQUET'} back into the JSON object the table's row is, the shape {@link
 * GcpBillingMapper} and {@link GcpRowIdentity} read, straight from the column readers (no
 * intermediate record). The export's type mapping, undone:
 *
 * <ul>
 *   <li>RECORD (a Parquet group) → object; a null group is an absent key.
 *   <li>REPEATED (a LIST-annotated group, three-level or legacy two-level, or a bare repeated
 *       field) → array, in file order, so a credit keeps its index.
 *   <li>FLOAT64 (DOUBLE) → number with the shortest decimal text that reads back as the double
 *       ({@link ParquetText#shortest}): the digits BigQuery's own JSON and CSV text shows, never
 *       the result of arithmetic on the binary value. NaN and infinities stay text.
 *   <li>NUMERIC / BIGNUMERIC (DECIMAL(38,9) / DECIMAL(76,38), any physical type) → number, exact,
 *       without the zeros the fixed scale pads it with: BigQuery's NUMERIC has no scale of its own
 *       and its text form is {@code 0.308641}, not {@code 0.308641000}.
 *   <li>INT64 → number; BOOL → boolean; STRING → string.
 *   <li>TIMESTAMP (INT64 micros, adjusted to UTC or not) → ISO 8601 UTC instant text; DATE → {@code
 *       yyyy-MM-dd}; the rest as {@link ParquetText} renders it.
 * </ul>
 */
final class GcpParquetRows extends RecordMaterializer<ObjectNode> {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String LAYOUT = "Google Cloud billing export Parquet";

  private final RowConverter root;

  private GcpParquetRows(MessageType schema) {
    this.root = new RowConverter(schema);
  }

  /**
   * The rows of a file with this schema.
   *
   * @throws MissingColumnsException naming every required column the file lacks
   * @throws IOException when a column has a type the reader cannot render
   */
  static GcpParquetRows forSchema(MessageType schema, String sourceFile) throws IOException {
    List<String> missing = new ArrayList<>();
    for (String required : GcpCsvLayout.REQUIRED) {
      if (!schema.containsPath(required.split("\\."))) {
        missing.add(required);
      }
    }
    if (!missing.isEmpty()) {
      throw new MissingColumnsException(sourceFile, LAYOUT, missing);
    }
    List<String> unreadable = new ArrayList<>();
    for (String[] path : schema.getPaths()) {
      PrimitiveType column = schema.getType(path).asPrimitiveType();
      if (!ParquetText.supports(column)) {
        unreadable.add(String.join(".", path) + " (" + column + ")");
      }
    }
    if (!unreadable.isEmpty()) {
      throw new IOException(
          sourceFile
              + ": the "
              + LAYOUT
              + " reader cannot read column"
              + (unreadable.size() == 1 ? " " : "s ")
              + String.join(", ", unreadable));
    }
    return new GcpParquetRows(schema);
  }

  @Override
  public ObjectNode getCurrentRecord() {
    return root.row;
  }

  @Override
  public GroupConverter getRootConverter() {
    return root;
  }

  /** Where a converted value goes: a key of the enclosing object, or an array's next element. */
  @FunctionalInterface
  private interface Slot {
    void put(JsonNode value);
  }

  private static Converter converter(Type type, Slot slot) {
    if (type.isPrimitive()) {
      PrimitiveType primitive = type.asPrimitiveType();
      Function<String, JsonNode> node = node(primitive);
      return ParquetText.converter(primitive, text -> slot.put(node.apply(text)));
    }
    GroupType group = type.asGroupType();
    if (group.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation
        && group.getFieldCount() == 1
        && group.getType(0).isRepetition(Type.Repetition.REPEATED)) {
      return new ListConverter(group, slot);
    }
    return new ObjectConverter(group, slot);
  }

  /** How a column's text becomes a JSON value. */
  private static Function<String, JsonNode> node(PrimitiveType type) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    if (logical instanceof DecimalLogicalTypeAnnotation) {
      return text -> DecimalNode.valueOf(withoutPadding(new BigDecimal(text)));
    }
    return switch (type.getPrimitiveTypeName()) {
      case BOOLEAN -> text -> BooleanNode.valueOf(Boolean.parseBoolean(text));
      case DOUBLE, FLOAT ->
          text ->
              text.equals("NaN") || text.endsWith("Infinity")
                  ? TextNode.valueOf(text)
                  : DecimalNode.valueOf(new BigDecimal(text));
      case INT32, INT64 ->
          logical == null || logical instanceof IntLogicalTypeAnnotation
              ? text -> DecimalNode.valueOf(new BigDecimal(text))
              : TextNode::valueOf;
      default -> TextNode::valueOf;
    };
  }

  /** A NUMERIC's value at the smallest scale that holds it (never below 0: {@code 100}). */
  private static BigDecimal withoutPadding(BigDecimal value) {
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** The whole row: a fresh object for every record. */
  private static final class RowConverter extends GroupConverter {

    private final ObjectConverter fields;
    private ObjectNode row;

    RowConverter(MessageType schema) {
      this.fields = new ObjectConverter(schema, value -> row = (ObjectNode) value);
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return fields.getConverter(fieldIndex);
    }

    @Override
    public void start() {
      fields.start();
    }

    @Override
    public void end() {
      fields.end();
    }
  }

  /** A group as an object; its repeated fields (not LIST-annotated) as arrays under their name. */
  private static final class ObjectConverter extends GroupConverter {

    private final Slot slot;
    private final Converter[] fields;
    private ObjectNode object;

    ObjectConverter(GroupType group, Slot slot) {
      this.slot = slot;
      this.fields = new Converter[group.getFieldCount()];
      for (int i = 0; i < fields.length; i++) {
        Type field = group.getType(i);
        String name = field.getName();
        Slot into =
            field.isRepetition(Type.Repetition.REPEATED)
                ? value -> array(name).add(value)
                : value -> object.set(name, value);
        fields[i] = converter(field, into);
      }
    }

    private ArrayNode array(String name) {
      JsonNode existing = object.get(name);
      return existing instanceof ArrayNode array ? array : object.putArray(name);
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return fields[fieldIndex];
    }

    @Override
    public void start() {
      object = NODES.objectNode();
    }

    @Override
    public void end() {
      slot.put(object);
    }
  }

  /**
   * A LIST-annotated group as an array. Which level is the element follows the Parquet format's
   * backward-compatibility rules: the repeated field itself when it is a primitive, a group of more
   * than one field, or a one-field group named {@code array} or {@code <list>_tuple} (the legacy
   * two-level layouts); otherwise its only field (the standard three-level layout BigQuery writes).
   */
  private static final class ListConverter extends GroupConverter {

    private final Slot slot;
    private final Converter elements;
    private ArrayNode array;

    ListConverter(GroupType list, Slot slot) {
      this.slot = slot;
      Type repeated = list.getType(0);
      Slot into = value -> array.add(value);
      boolean twoLevel =
          repeated.isPrimitive()
              || repeated.asGroupType().getFieldCount() > 1
              || repeated.getName().equals("array")
              || repeated.getName().equals(list.getName() + "_tuple");
      this.elements =
          twoLevel ? converter(repeated, into) : new ElementConverter(repeated.asGroupType(), into);
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return elements;
    }

    @Override
    public void start() {
      array = NODES.arrayNode();
    }

    @Override
    public void end() {
      slot.put(array);
    }
  }

  /** The repeated middle level of a three-level list: one element each time, null when absent. */
  private static final class ElementConverter extends GroupConverter {

    private final Slot slot;
    private final Converter element;
    private JsonNode value;

    ElementConverter(GroupType repeated, Slot slot) {
      this.slot = slot;
      this.element = converter(repeated.getType(0), v -> value = v);
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return element;
    }

    @Override
    public void start() {
      value = NullNode.getInstance();
    }

    @Override
    public void end() {
      slot.put(value);
    }
  }
}
