package dev.convergence.workflows.expr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value model the executor works in, which is JSON's: null, {@link Boolean}, {@link Long}
 * (Workflows' 64-bit integer), {@link Double}, {@link String}, {@link List} and {@link Map} with
 * string keys in insertion order. Values from YAML, handlers and expressions are normalised into
 * it, so that equality and type names behave the same wherever a value came from.
 */
public final class Values {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private Values() {}

  /** The Workflows type name, as {@code get_type} returns it. */
  public static String typeName(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof Long) {
      return "integer";
    }
    if (value instanceof Double) {
      return "double";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof List) {
      return "list";
    }
    if (value instanceof Map) {
      return "map";
    }
    return value.getClass().getSimpleName();
  }

  /**
   * {@code value} as a fresh workflow value: ints become {@link Long}, floats {@link Double},
   * collections and arrays {@link ArrayList}, maps {@link LinkedHashMap}, enums their name, Jackson
   * trees their content.
   *
   * @throws IllegalArgumentException for anything JSON cannot hold
   */
  public static Object normalize(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double || value instanceof Float) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof BigInteger big) {
      return big.longValueExact();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof JsonNode node) {
      return normalize(JSON.convertValue(node, Object.class));
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new IllegalArgumentException(
              "map keys must be strings; got " + entry.getKey() + " in " + map);
        }
        copy.put(key, normalize(entry.getValue()));
      }
      return copy;
    }
    if (value instanceof Collection<?> collection) {
      List<Object> copy = new ArrayList<>(collection.size());
      collection.forEach(item -> copy.add(normalize(item)));
      return copy;
    }
    if (value instanceof Object[] array) {
      return normalize(List.of(array));
    }
    throw new IllegalArgumentException(
        "a " + value.getClass().getName() + " is not a workflow value: " + value);
  }

  /** A copy whose maps and lists can be changed without changing {@code value}. */
  public static Object deepCopy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(deepCopy(item)));
      return copy;
    }
    return value;
  }

  /** Equality as {@code ==} has it: numbers by value across integer and double, the rest deep. */
  public static boolean equal(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      if (a instanceof Long && b instanceof Long) {
        return x.longValue() == y.longValue();
      }
      return x.doubleValue() == y.doubleValue();
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      Iterator<?> i = x.iterator();
      Iterator<?> j = y.iterator();
      while (i.hasNext()) {
        if (!equal(i.next(), j.next())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (!x.keySet().equals(y.keySet())) {
        return false;
      }
      for (Map.Entry<?, ?> entry : x.entrySet()) {
        if (!equal(entry.getValue(), y.get(entry.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return a == null ? b == null : a.equals(b);
  }

  /** The value as JSON, for messages and {@code json.encode_to_string}. */
  public static String display(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
