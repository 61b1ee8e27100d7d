package dev.convergence.core.ledger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.convergence.core.store.ObjectStoreException;
import dev.convergence.core.store.StoredObject;
import java.io.IOException;

/**
 * The ledger's objects as JSON, and the runs as the HTTP functions show them. Unknown fields are
 * ignored when reading, so a newer writer can add fields without breaking an older reader.
 */
public final class LedgerJson {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private LedgerJson() {}

  public static byte[] write(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise " + value, e);
    }
  }

  public static <T> T read(StoredObject object, Class<T> type) {
    try {
      return JSON.readValue(object.content(), type);
    } catch (IOException e) {
      throw new ObjectStoreException(
          "ledger object "
              + object.key()
              + " is not a readable "
              + type.getSimpleName()
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
