package dev.convergence.focus.source;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.UUIDLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Renders Parquet values as the text a CSV export of the same data carries, so the CSV mappers
 * parse them unchanged: strings as they are, DECIMAL exactly ({@code BigDecimal} from the unscaled
 * integer), timestamps as ISO 8601 UTC instants ({@code isAdjustedToUTC=false} ones are taken as
 * UTC too), DATE as {@code yyyy-MM-dd}, INT96 (legacy Hive/Spark) timestamps as instants.
 *
 * <p>DOUBLE and FLOAT, which some exports use for costs, become their shortest round-trip decimal
 * text ({@link #shortest(double)}): the digits the writer stored, parsed later into a {@code
 * BigDecimal}. No arithmetic is done on the binary value.
 */
public final class ParquetText {

  private static final long JULIAN_EPOCH_DAY = 2_440_588L;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private ParquetText() {}

  /** Whether {@link #converter} can render values of this column. */
  public static boolean supports(PrimitiveType type) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    return switch (type.getPrimitiveTypeName()) {
      case BINARY, FIXED_LEN_BYTE_ARRAY ->
          logical == null
              || logical instanceof StringLogicalTypeAnnotation
              || logical instanceof EnumLogicalTypeAnnotation
              || logical instanceof JsonLogicalTypeAnnotation
              || logical instanceof DecimalLogicalTypeAnnotation
              || logical instanceof UUIDLogicalTypeAnnotation;
      case INT32 ->
          logical == null
              || logical instanceof DecimalLogicalTypeAnnotation
              || logical instanceof DateLogicalTypeAnnotation
              || logical instanceof IntLogicalTypeAnnotation;
      case INT64 ->
          logical == null
              || logical instanceof DecimalLogicalTypeAnnotation
              || logical instanceof TimestampLogicalTypeAnnotation
              || logical instanceof IntLogicalTypeAnnotation;
      case INT96, DOUBLE, FLOAT, BOOLEAN -> true;
    };
  }

  /** A converter that hands each value of the column, as text, to the sink. */
  public static PrimitiveConverter converter(PrimitiveType type, Consumer<String> sink) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    return switch (type.getPrimitiveTypeName()) {
      case BINARY, FIXED_LEN_BYTE_ARRAY -> binary(logical, sink);
      case INT32 -> int32(logical, sink);
      case INT64 -> int64(logical, sink);
      case INT96 ->
          new PrimitiveConverter() {
            @Override
            public void addBinary(Binary value) {
              sink.accept(int96(value).toString());
            }
          };
      case DOUBLE ->
          new PrimitiveConverter() {
            @Override
            public void addDouble(double value) {
              sink.accept(shortest(value));
            }
          };
      case FLOAT ->
          new PrimitiveConverter() {
            @Override
            public void addFloat(float value) {
              sink.accept(NumberOutput.toString(value, true));
            }
          };
      case BOOLEAN ->
          new PrimitiveConverter() {
            @Override
            public void addBoolean(boolean value) {
              sink.accept(Boolean.toString(value));
            }
          };
    };
  }

  /**
   * The shortest decimal text that reads back as this double, in {@link Double#toString}'s layout
   * ({@code 0.25}, {@code 1.0E23}, {@code NaN}). Java 17's own {@code Double.toString} sometimes
   * gives more digits than that ({@code 2.82879384806159008E17} for {@code 2.82879384806159E17}),
   * which would be a different decimal than the one the writer meant; Java 19 fixed it with the
   * Schubfach algorithm, which Jackson ships and which this uses, so the text does not depend on
   * the runtime.
   */
  public static String shortest(double value) {
    return NumberOutput.toString(value, true);
  }

  private static PrimitiveConverter binary(LogicalTypeAnnotation logical, Consumer<String> sink) {
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      int scale = decimal.getScale();
      return new PrimitiveConverter() {
        @Override
        public void addBinary(Binary value) {
          sink.accept(new BigDecimal(new BigInteger(value.getBytes()), scale).toPlainString());
        }
      };
    }
    if (logical instanceof UUIDLogicalTypeAnnotation) {
      return new PrimitiveConverter() {
        @Override
        public void addBinary(Binary value) {
          ByteBuffer bytes = value.toByteBuffer();
          sink.accept(new UUID(bytes.getLong(), bytes.getLong()).toString());
        }
      };
    }
    return new PrimitiveConverter() {
      @Override
      public void addBinary(Binary value) {
        sink.accept(value.toStringUsingUTF8());
      }
    };
  }

  private static PrimitiveConverter int32(LogicalTypeAnnotation logical, Consumer<String> sink) {
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      int scale = decimal.getScale();
      return new PrimitiveConverter() {
        @Override
        public void addInt(int value) {
          sink.accept(BigDecimal.valueOf(value, scale).toPlainString());
        }
      };
    }
    if (logical instanceof DateLogicalTypeAnnotation) {
      return new PrimitiveConverter() {
        @Override
        public void addInt(int value) {
          sink.accept(LocalDate.ofEpochDay(value).toString());
        }
      };
    }
    boolean unsigned = logical instanceof IntLogicalTypeAnnotation i && !i.isSigned();
    return new PrimitiveConverter() {
      @Override
      public void addInt(int value) {
        sink.accept(unsigned ? Integer.toUnsignedString(value) : Integer.toString(value));
      }
    };
  }

  private static PrimitiveConverter int64(LogicalTypeAnnotation logical, Consumer<String> sink) {
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      int scale = decimal.getScale();
      return new PrimitiveConverter() {
        @Override
        public void addLong(long value) {
          sink.accept(BigDecimal.valueOf(value, scale).toPlainString());
        }
      };
    }
    if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
      long perSecond =
          switch (timestamp.getUnit()) {
            case MILLIS -> 1_000L;
            case MICROS -> 1_000_000L;
            case NANOS -> NANOS_PER_SECOND;
          };
      long nanosPerUnit = NANOS_PER_SECOND / perSecond;
      return new PrimitiveConverter() {
        @Override
        public void addLong(long value) {
          Instant instant =
              Instant.ofEpochSecond(
                  Math.floorDiv(value, perSecond), Math.floorMod(value, perSecond) * nanosPerUnit);
          sink.accept(instant.toString());
        }
      };
    }
    boolean unsigned = logical instanceof IntLogicalTypeAnnotation i && !i.isSigned();
    return new PrimitiveConverter() {
      @Override
      public void addLong(long value) {
        sink.accept(unsigned ? Long.toUnsignedString(value) : Long.toString(value));
      }
    };
  }

  /** INT96: nanoseconds of the day (8 bytes), then the Julian day (4 bytes), little-endian. */
  static Instant int96(Binary value) {
    ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = bytes.getLong();
    long julianDay = Integer.toUnsignedLong(bytes.getInt());
    return Instant.ofEpochSecond((julianDay - JULIAN_EPOCH_DAY) * 86_400L, nanosOfDay);
  }
}
