package dev.convergence.focus.gcp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Writes billing export rows (JSON objects, one a line) as a Parquet file in the shape BigQuery's
 * {@code EXPORT DATA … format='PARQUET'} gives the detailed usage cost table: RECORDs as groups,
 * REPEATED RECORDs as three-level LIST groups of structs, TIMESTAMP as INT64 microseconds adjusted
 * to UTC, NUMERIC as DECIMAL(38,9) in a 16-byte fixed array, FLOAT64 as DOUBLE, STRING as UTF-8
 * binary, BOOL as boolean. A JSON null (or a missing key) is a Parquet null; a JSON number for a
 * DOUBLE column is parsed to the double the export would hold.
 */
final class BillingExportParquetFixture {

  static final MessageType DETAILED =
      MessageTypeParser.parseMessageType(
          """
          message schema {
            optional binary billing_account_id (STRING);
            optional group service { optional binary id (STRING); optional binary description (STRING); }
            optional group sku { optional binary id (STRING); optional binary description (STRING); }
            optional int64 usage_start_time (TIMESTAMP(MICROS,true));
            optional int64 usage_end_time (TIMESTAMP(MICROS,true));
            optional group project {
              optional binary id (STRING);
              optional binary number (STRING);
              optional binary name (STRING);
              optional group labels (LIST) {
                repeated group list {
                  optional group element { optional binary key (STRING); optional binary value (STRING); }
                }
              }
              optional binary ancestry_numbers (STRING);
              optional group ancestors (LIST) {
                repeated group list {
                  optional group element {
                    optional binary resource_name (STRING);
                    optional binary display_name (STRING);
                  }
                }
              }
            }
            optional group labels (LIST) {
              repeated group list {
                optional group element { optional binary key (STRING); optional binary value (STRING); }
              }
            }
            optional group system_labels (LIST) {
              repeated group list {
                optional group element { optional binary key (STRING); optional binary value (STRING); }
              }
            }
            optional group location {
              optional binary location (STRING);
              optional binary country (STRING);
              optional binary region (STRING);
              optional binary zone (STRING);
            }
            optional group resource { optional binary name (STRING); optional binary global_name (STRING); }
            optional group tags (LIST) {
              repeated group list {
                optional group element {
                  optional binary key (STRING);
                  optional binary value (STRING);
                  optional boolean inherited;
                  optional binary namespace (STRING);
                }
              }
            }
            optional int64 export_time (TIMESTAMP(MICROS,true));
            optional double cost;
            optional binary currency (STRING);
            optional double currency_conversion_rate;
            optional group usage {
              optional double amount;
              optional binary unit (STRING);
              optional double amount_in_pricing_units;
              optional binary pricing_unit (STRING);
            }
            optional group credits (LIST) {
              repeated group list {
                optional group element {
                  optional binary name (STRING);
                  optional double amount;
                  optional binary full_name (STRING);
                  optional binary id (STRING);
                  optional binary type (STRING);
                }
              }
            }
            optional group invoice { optional binary month (STRING); optional binary publisher_type (STRING); }
            optional binary cost_type (STRING);
            optional group adjustment_info {
              optional binary id (STRING);
              optional binary description (STRING);
              optional binary mode (STRING);
              optional binary type (STRING);
            }
            optional group price {
              optional fixed_len_byte_array(16) effective_price (DECIMAL(38,9));
              optional fixed_len_byte_array(16) tier_start_amount (DECIMAL(38,9));
              optional binary unit (STRING);
              optional fixed_len_byte_array(16) pricing_unit_quantity (DECIMAL(38,9));
            }
            optional double cost_at_list;
            optional binary transaction_type (STRING);
            optional binary seller_name (STRING);
          }
          """);

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private BillingExportParquetFixture() {}

  /** The rows of a newline-delimited JSON text. */
  static List<JsonNode> rows(String jsonLines) {
    return jsonLines
        .lines()
        .filter(line -> !line.isBlank())
        .map(
            line -> {
              try {
                return JSON.readTree(line);
              } catch (IOException e) {
                throw new IllegalArgumentException(line, e);
              }
            })
        .toList();
  }

  /**
   * Writes the rows; with a small {@code rowGroupBytes} (checked after every row) the file has many
   * row groups.
   */
  static void write(Path file, MessageType schema, List<JsonNode> rows, long rowGroupBytes)
      throws IOException {
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(schema)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withRowGroupSize(rowGroupBytes)
            .withMinRowCountForPageSizeCheck(1)
            .withPageSize(1024)
            .build()) {
      for (JsonNode row : rows) {
        Group group = groups.newGroup();
        fill(group, schema, row);
        writer.write(group);
      }
    }
  }

  private static void fill(Group group, GroupType type, JsonNode object) {
    for (Type field : type.getFields()) {
      JsonNode value = object.get(field.getName());
      if (value == null || value.isNull()) {
        continue;
      }
      if (field.isPrimitive()) {
        append(group, field.getName(), field.asPrimitiveType(), value);
      } else if (field.getLogicalTypeAnnotation()
          instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
        Group list = group.addGroup(field.getName());
        GroupType element = field.asGroupType().getType(0).asGroupType().getType(0).asGroupType();
        for (JsonNode item : value) {
          fill(list.addGroup("list").addGroup("element"), element, item);
        }
      } else {
        fill(group.addGroup(field.getName()), field.asGroupType(), value);
      }
    }
  }

  private static void append(Group group, String name, PrimitiveType type, JsonNode value) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
      group.append(name, decimal(value.decimalValue(), decimal.getScale(), type.getTypeLength()));
    } else if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
      Instant instant = Instant.parse(value.asText().replace(" UTC", "Z").replace(' ', 'T'));
      group.append(name, ChronoUnit.MICROS.between(Instant.EPOCH, instant));
    } else {
      switch (type.getPrimitiveTypeName()) {
        case DOUBLE -> group.append(name, Double.parseDouble(value.asText()));
        case BOOLEAN -> group.append(name, value.booleanValue());
        default -> group.append(name, value.asText());
      }
    }
  }

  /** A DECIMAL's unscaled value as a big-endian two's complement of {@code length} bytes. */
  private static Binary decimal(BigDecimal value, int scale, int length) {
    byte[] unscaled = value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().toByteArray();
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, 0, length - unscaled.length, (byte) (unscaled[0] < 0 ? -1 : 0));
    System.arraycopy(unscaled, 0, bytes, length - unscaled.length, unscaled.length);
    return Binary.fromConstantByteArray(bytes);
  }
}
