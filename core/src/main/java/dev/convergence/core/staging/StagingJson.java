package dev.convergence.core.staging;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The staging JSON documents (the run manifest, the DQ results): snake_case keys, instants as
 * ISO-8601 text, and money as exact decimal strings ({@code "1234.5600"}), never JSON numbers,
 * which many readers parse as binary floating point. Unknown keys are ignored when reading, so a
 * newer writer can add fields without breaking an older reader; what a record needs is checked by
 * its constructor, and a document that fails it is reported with the key at fault.
 */
public final class StagingJson {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(
              new SimpleModule("exact-decimals")
                  .addSerializer(BigDecimal.class, new PlainDecimalSerializer()))
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private StagingJson() {}

  public static byte[] write(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise " + value, e);
    }
  }

  /**
   * Reads {@code content} (from {@code source}, for messages) as a {@code type}.
   *
   * @throws IllegalArgumentException naming the source and what is wrong with it
   */
  public static <T> T read(byte[] content, Class<T> type, String source) {
    try {
      T value = JSON.readValue(content, type);
      if (value == null) {
        throw new IllegalArgumentException(source + ": is empty");
      }
      return value;
    } catch (IOException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
      String message = cause == e ? originalMessage(e) : cause.getMessage();
      throw new IllegalArgumentException(
          source + ": is not a readable " + type.getSimpleName() + ": " + message, e);
    }
  }

  private static String originalMessage(IOException e) {
    return e instanceof com.fasterxml.jackson.core.JsonProcessingException p
        ? p.getOriginalMessage()
        : e.getMessage();
  }

  private static final class PlainDecimalSerializer extends JsonSerializer<BigDecimal> {
    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(value.toPlainString());
    }
  }
}
