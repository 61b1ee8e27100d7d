package dev.convergence.focus.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes CUR 2.0 CSV records as a Parquet file with the types a Data Exports Parquet file uses:
 * strings, timestamps for the {@code _date} columns, doubles for the amounts, costs and rates, and
 * {@code map<string,string>} for {@code resource_tags} and {@code product}. Empty CSV fields are
 * Parquet nulls.
 */
final class Cur2ParquetFixture {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> DOUBLES =
      Set.of(
          "line_item_usage_amount",
          "line_item_unblended_rate",
          "line_item_unblended_cost",
          "pricing_public_on_demand_cost",
          "savings_plan_savings_plan_effective_cost");
  private static final Set<String> MAPS = Set.of("resource_tags", "product");

  private Cur2ParquetFixture() {}

  static MessageType schema(List<String> columns) {
    Types.MessageTypeBuilder schema = Types.buildMessage();
    for (String column : columns) {
      if (MAPS.contains(column)) {
        schema
            .optionalMap()
            .key(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .optionalValue(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named(column);
      } else if (DOUBLES.contains(column)) {
        schema.optional(PrimitiveTypeName.DOUBLE).named(column);
      } else if (column.endsWith("_date")) {
        schema
            .optional(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS))
            .named(column);
      } else {
        schema
            .optional(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named(column);
      }
    }
    return schema.named("cur2");
  }

  /** Writes the records; a small row group size makes a file of many row groups. */
  static void write(
      Path file, List<String> columns, Iterable<NamedCsvRecord> records, long rowGroupBytes)
      throws IOException {
    MessageType schema = schema(columns);
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(schema)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withRowGroupSize(rowGroupBytes)
            .withPageSize(1024)
            .build()) {
      for (NamedCsvRecord record : records) {
        Group row = groups.newGroup();
        for (String column : columns) {
          String text = record.getField(column);
          if (!text.isEmpty()) {
            set(row, schema.getType(column), column, text);
          }
        }
        writer.write(row);
      }
    }
  }

  private static void set(Group row, Type type, String column, String text) throws IOException {
    if (MAPS.contains(column)) {
      Group map = row.addGroup(column);
      JsonNode object = JSON.readTree(text);
      for (Map.Entry<String, JsonNode> entry : object.properties()) {
        map.addGroup("key_value")
            .append("key", entry.getKey())
            .append("value", entry.getValue().asText());
      }
    } else if (DOUBLES.contains(column)) {
      // The source format stores doubles; the CSV shows their shortest decimal text.
      row.append(column, Double.parseDouble(text));
    } else if (type.getLogicalTypeAnnotation()
        instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
      row.append(column, Instant.parse(text).toEpochMilli());
    } else {
      row.append(column, text);
    }
  }
}
