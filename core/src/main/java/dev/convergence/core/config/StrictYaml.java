package dev.convergence.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML configuration into records, strictly: an unknown or repeated key, a value of the wrong
 * type, or a value a record refuses becomes a {@link ConfigException} naming the file, the line and
 * the key. Keys are snake_case in YAML and camelCase in the records.
 */
public final class StrictYaml {

  private static final YAMLMapper YAML = strictMapper();

  private StrictYaml() {}

  /** Reads {@code file} as a {@code type}; {@code shownName} is how messages name the file. */
  public static <T> T read(Path file, String shownName, Class<T> type) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException(
          ConfigProblem.inFile(shownName, "cannot be read: " + e.getMessage()));
    }
    return read(content, shownName, type);
  }

  /**
   * Reads {@code content} (YAML, or JSON, which is YAML) as a {@code type}, as strictly as a file;
   * for configuration that arrives as bytes rather than through a file system.
   */
  public static <T> T read(byte[] content, String shownName, Class<T> type) {
    KeyScan scan = new KeyScan(YAML.getTypeFactory(), shownName);
    try (JsonParser parser = YAML.createParser(content)) {
      scan.scan(parser, type);
      if (!scan.problems().isEmpty()) {
        throw new ConfigException(scan.problems());
      }
      T value = YAML.readValue(content, type);
      if (value == null) {
        throw new ConfigException(ConfigProblem.inFile(shownName, "the file is empty"));
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new ConfigException(problem(shownName, e, scan.keys()));
    } catch (IOException e) {
      throw new ConfigException(
          ConfigProblem.inFile(shownName, "cannot be read: " + e.getMessage()));
    }
  }

  private static YAMLMapper strictMapper() {
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
    // Money may be written quoted ("0.00") to keep its scale visible; both forms read exactly.
    mapper
        .coercionConfigFor(BigDecimal.class)
        .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
    return mapper;
  }

  private static ConfigProblem problem(
      String file, JsonProcessingException e, Map<String, JsonLocation> keys) {
    String original = firstLine(e.getOriginalMessage());
    JsonLocation where = e.getLocation();
    String message;
    if (original.startsWith("Duplicate field")) {
      message = "repeated key " + original.substring("Duplicate field ".length());
    } else if (original.startsWith("No content to map")) {
      return ConfigProblem.inFile(file, "the file is empty");
    } else if (e instanceof JsonMappingException mapping) {
      String at = path(mapping.getPath());
      InvalidValueException invalid = invalidValue(e);
      if (invalid != null) {
        at = at.isEmpty() ? invalid.key() : at + "." + invalid.key();
        where = keys.getOrDefault(at, where);
        message = at + ": " + invalid.getMessage();
      } else {
        String what = original;
        IllegalArgumentException refused = cause(e, IllegalArgumentException.class);
        if (refused != null && refused.getMessage() != null) {
          what = refused.getMessage();
        } else if (e instanceof MismatchedInputException mismatch
            && mismatch.getTargetType() != null) {
          what = "expected " + expected(mismatch.getTargetType()) + " (" + original + ")";
        }
        message = at.isEmpty() ? what : at + ": " + what;
      }
    } else {
      message = "not valid YAML: " + original;
    }
    return where == null
        ? ConfigProblem.inFile(file, message)
        : new ConfigProblem(file, where.getLineNr(), where.getColumnNr(), message);
  }

  private static InvalidValueException invalidValue(Throwable e) {
    return cause(e, InvalidValueException.class);
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
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
    if (type == BigDecimal.class) {
      return "a decimal number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    return "a " + type.getSimpleName();
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

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int cut = text.indexOf('\n');
    return cut < 0 ? text : text.substring(0, cut);
  }
}
