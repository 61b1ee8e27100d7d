package dev.convergence.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A first pass over a YAML document, guided by the record type it will be bound to: it notes where
 * every key is (so a value refused later can be pointed at) and reports every unknown key. Jackson
 * builds a record before it reports unknown keys, so a misspelt key would otherwise surface as a
 * confusing "missing" value.
 */
final class KeyScan {

  private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
      new PropertyNamingStrategies.SnakeCaseStrategy();

  private final TypeFactory types;
  private final String file;
  private final Map<String, JsonLocation> keys = new HashMap<>();
  private final List<ConfigProblem> problems = new ArrayList<>();

  KeyScan(TypeFactory types, String file) {
    this.types = types;
    this.file = file;
  }

  /** Scans the document {@code parser} is at the start of, as a {@code type}. */
  void scan(JsonParser parser, Class<?> type) throws IOException {
    if (parser.nextToken() != null) {
      value(parser, types.constructType(type), "");
    }
  }

  /** Where each key is, by its path: {@code providers[0].landing_prefix}. */
  Map<String, JsonLocation> keys() {
    return keys;
  }

  List<ConfigProblem> problems() {
    return problems;
  }

  private void value(JsonParser parser, JavaType type, String path) throws IOException {
    JsonToken token = parser.currentToken();
    if (type.getRawClass().isRecord() && token == JsonToken.START_OBJECT) {
      Map<String, JavaType> fields = fields(type.getRawClass());
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonLocation at = parser.currentTokenLocation();
        String child = path.isEmpty() ? name : path + "." + name;
        keys.put(child, at);
        parser.nextToken();
        JavaType fieldType = fields.get(name);
        if (fieldType == null) {
          problems.add(
              new ConfigProblem(
                  file,
                  at.getLineNr(),
                  at.getColumnNr(),
                  "unknown key '"
                      + name
                      + "'"
                      + (path.isEmpty() ? "" : " in " + path)
                      + "; known keys: "
                      + String.join(", ", new TreeSet<>(fields.keySet()))));
          parser.skipChildren();
        } else {
          value(parser, fieldType, child);
        }
      }
    } else if (type.isCollectionLikeType() && token == JsonToken.START_ARRAY) {
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        value(parser, type.getContentType(), path + "[" + index++ + "]");
      }
    } else {
      parser.skipChildren(); // a scalar, or a shape the binding pass will refuse with its reason
    }
  }

  private Map<String, JavaType> fields(Class<?> record) {
    Map<String, JavaType> fields = new LinkedHashMap<>();
    for (RecordComponent component : record.getRecordComponents()) {
      fields.put(
          SNAKE.translate(component.getName()), types.constructType(component.getGenericType()));
    }
    return fields;
  }
}
