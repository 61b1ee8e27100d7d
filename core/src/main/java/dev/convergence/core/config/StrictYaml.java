package dev.convergence.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads YAML configuration into records, strictly: an unknown or repeated key, a value of the wrong
 * type, or a value a record's constructor refuses becomes a {@link ConfigException} naming the
 * file, the line and the key.
 *
 * <p>Keys are snake_case in YAML and camelCase in the records.
 */
public final class StrictYaml {

  private static final ObjectMapper YAML = strictMapper();

  private StrictYaml() {}

  /** Reads {@code file} as a {@code type}; {@code shownName} is how messages name the file. */
  public static <T> T read(Path file, String shownName, Class<T> type) {
    try (InputStream in = Files.newInputStream(file)) {
      T value = YAML.readValue(in, type);
      if (value == null) {
        throw new ConfigException(ConfigProblem.inFile(shownName, "the file is empty"));
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new ConfigException(problem(shownName, e));
    } catch (IOException e) {
      throw new ConfigException(
          ConfigProblem.inFile(shownName, "cannot be read: " + e.getMessage()));
    }
  }

  private static ObjectMapper strictMapper() {
    YAMLMapper mapper =
        YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    // "name: 123" is a number, not text: say so rather than quietly reading "123".
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  private static ConfigProblem problem(String file, JsonProcessingException e) {
    JsonLocation where = e.getLocation();
    int line = where == null ? 0 : where.getLineNr();
    int column = where == null ? 0 : where.getColumnNr();
    return new ConfigProblem(file, line, column, message(e));
  }

  private static String message(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      String parent = path(unknown.getPath().subList(0, unknown.getPath().size() - 1));
      return "unknown key '"
          + unknown.getPropertyName()
          + "'"
          + (parent.isEmpty() ? "" : " in " + parent)
          + "; known keys: "
          + known(unknown.getKnownPropertyIds());
    }
    String original = firstLine(e.getOriginalMessage());
    if (original.startsWith("Duplicate field")) {
      return "repeated key " + original.substring("Duplicate field ".length());
    }
    if (original.startsWith("No content to map")) {
      return "the file is empty";
    }
    if (e instanceof JsonMappingException mapping) {
      String at = path(mapping.getPath());
      Throwable cause = rootCause(e);
      String what;
      if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
        what = cause.getMessage();
      } else if (e instanceof MismatchedInputException mismatch
          && mismatch.getTargetType() != null) {
        what = "expected " + expected(mismatch.getTargetType()) + " (" + original + ")";
      } else {
        what = original;
      }
      return at.isEmpty() ? what : at + ": " + what;
    }
    return "not valid YAML: " + original;
  }

  private static String expected(Class<?> type) {
    if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a mapping of keys to values";
    }
    if (type == String.class) {
      return "text";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    return "a " + type.getSimpleName();
  }

  private static String known(Collection<Object> ids) {
    if (ids == null || ids.isEmpty()) {
      return "none";
    }
    return new TreeSet<>(ids.stream().map(String::valueOf).collect(Collectors.toList()))
        .stream().collect(Collectors.joining(", "));
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        out.append('[').append(reference.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int cut = text.indexOf('\n');
    return cut < 0 ? text : text.substring(0, cut);
  }
}
