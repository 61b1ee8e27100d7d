package dev.convergence.stages.check;

import dev.convergence.core.quality.StagedRow;
import dev.convergence.stages.BytesInputFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a staged Parquet part file (the processing job's flat output: one column per field) one row
 * group at a time, handing each row on as a {@link StagedRow}: text as {@code String}, {@code
 * DECIMAL} as an exact {@code BigDecimal}, timestamps as {@code Instant}, dates as {@code
 * LocalDate}, integers as {@code Long} or {@code Integer}, a missing value as null.
 */
final class StagedParquet {

  private StagedParquet() {}

  /** Reads every row of {@code content}; returns how many there were. */
  static long read(byte[] content, Consumer<StagedRow> rows) throws IOException {
    long count = 0;
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            new BytesInputFile(content),
            ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
        for (long i = 0; i < pages.getRowCount(); i++) {
          Group group = records.read();
          Map<String, Object> values = new HashMap<>();
          for (int f = 0; f < schema.getFieldCount(); f++) {
            Type field = schema.getType(f);
            if (field.isPrimitive() && group.getFieldRepetitionCount(f) > 0) {
              values.put(field.getName(), value(group, f, field.asPrimitiveType()));
            }
          }
          rows.accept(values::get);
          count++;
        }
      }
    }
    return count;
  }

  private static Object value(Group group, int f, PrimitiveType type) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
      BigInteger unscaled =
          switch (type.getPrimitiveTypeName()) {
            case INT32 -> BigInteger.valueOf(group.getInteger(f, 0));
            case INT64 -> BigInteger.valueOf(group.getLong(f, 0));
            default -> new BigInteger(group.getBinary(f, 0).getBytes());
          };
      return new BigDecimal(unscaled, decimal.getScale());
    }
    return switch (type.getPrimitiveTypeName()) {
      case BINARY, FIXED_LEN_BYTE_ARRAY -> group.getBinary(f, 0).toStringUsingUTF8();
      case INT64 -> {
        long v = group.getLong(f, 0);
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
          yield switch (ts.getUnit()) {
            case MILLIS -> Instant.ofEpochMilli(v);
            case MICROS ->
                Instant.ofEpochSecond(
                    Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1_000L);
            case NANOS ->
                Instant.ofEpochSecond(
                    Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
          };
        }
        yield v;
      }
      case INT32 ->
          logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
              ? LocalDate.ofEpochDay(group.getInteger(f, 0))
              : (Object) group.getInteger(f, 0);
      case BOOLEAN -> group.getBoolean(f, 0);
      case DOUBLE -> group.getDouble(f, 0);
      case FLOAT -> group.getFloat(f, 0);
      case INT96 -> group.getInt96(f, 0).toStringUsingUTF8();
    };
  }
}
