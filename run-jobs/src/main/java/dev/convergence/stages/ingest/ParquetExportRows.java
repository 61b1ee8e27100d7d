package dev.convergence.stages.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convergence.stages.BytesInputFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Turns a Parquet extract of the Google Cloud billing-export table ({@code EXPORT DATA …
 * format='PARQUET'}) back into the table's rows as newline-delimited JSON, the shape the Google
 * Cloud FOCUS reader reads: RECORD fields as objects, REPEATED fields (plain or LIST-annotated) as
 * arrays, NUMERIC as exact decimals, FLOAT64 as their shortest decimal text, TIMESTAMP as ISO-8601
 * instants.
 */
final class ParquetExportRows {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private ParquetExportRows() {}

  static byte[] toJsonLines(byte[] parquet) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            new BytesInputFile(parquet),
            ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        RecordReader<Group> rows = io.getRecordReader(pages, new GroupRecordConverter(schema));
        for (long i = 0; i < pages.getRowCount(); i++) {
          out.write(JSON.writeValueAsBytes(object(rows.read(), schema)));
          out.write('\n');
        }
      }
    }
    return out.toByteArray();
  }

  private static ObjectNode object(Group group, GroupType type) {
    ObjectNode node = JSON.createObjectNode();
    for (int f = 0; f < type.getFieldCount(); f++) {
      Type field = type.getType(f);
      int count = group.getFieldRepetitionCount(f);
      if (field.isRepetition(Type.Repetition.REPEATED)) {
        ArrayNode array = node.putArray(field.getName());
        for (int i = 0; i < count; i++) {
          array.add(JSON.valueToTree(value(group, f, i, field)));
        }
      } else if (count > 0) {
        node.set(field.getName(), JSON.valueToTree(value(group, f, 0, field)));
      }
    }
    return node;
  }

  private static Object value(Group group, int f, int i, Type field) {
    if (!field.isPrimitive()) {
      Group child = group.getGroup(f, i);
      GroupType type = field.asGroupType();
      if (type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation
          && type.getFieldCount() == 1) {
        ArrayNode array = JSON.createArrayNode();
        Type repeated = type.getType(0);
        for (int k = 0; k < child.getFieldRepetitionCount(0); k++) {
          Object element = value(child, 0, k, repeated);
          if (!repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1) {
            // list { repeated group list { element } }: unwrap the one-field element group.
            element =
                ((ObjectNode) element).elements().hasNext()
                    ? ((ObjectNode) element).elements().next()
                    : null;
          }
          array.add(JSON.valueToTree(element));
        }
        return array;
      }
      return object(child, type);
    }
    PrimitiveType primitive = field.asPrimitiveType();
    LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
    if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
      BigInteger unscaled =
          switch (primitive.getPrimitiveTypeName()) {
            case INT32 -> BigInteger.valueOf(group.getInteger(f, i));
            case INT64 -> BigInteger.valueOf(group.getLong(f, i));
            default -> new BigInteger(group.getBinary(f, i).getBytes());
          };
      return new BigDecimal(unscaled, decimal.getScale());
    }
    return switch (primitive.getPrimitiveTypeName()) {
      case BINARY, FIXED_LEN_BYTE_ARRAY -> group.getBinary(f, i).toStringUsingUTF8();
      case BOOLEAN -> group.getBoolean(f, i);
      case DOUBLE -> new BigDecimal(Double.toString(group.getDouble(f, i)));
      case FLOAT -> new BigDecimal(Float.toString(group.getFloat(f, i)));
      case INT32 ->
          logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
              ? LocalDate.ofEpochDay(group.getInteger(f, i)).toString()
              : (Object) group.getInteger(f, i);
      case INT64 -> int64(group.getLong(f, i), logical);
      case INT96 -> {
        java.nio.ByteBuffer bytes =
            group.getInt96(f, i).toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanos = bytes.getLong();
        long julianDay = bytes.getInt();
        yield Instant.ofEpochSecond((julianDay - 2_440_588L) * 86_400L, nanos).toString();
      }
    };
  }

  private static Object int64(long value, LogicalTypeAnnotation logical) {
    if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
      Instant instant =
          switch (ts.getUnit()) {
            case MILLIS -> Instant.ofEpochMilli(value);
            case MICROS ->
                Instant.ofEpochSecond(
                    Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
            case NANOS ->
                Instant.ofEpochSecond(
                    Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
          };
      return instant.toString();
    }
    return value;
  }
}
