package dev.convergence.focus.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convergence.focus.RowRejectedException;
import dev.convergence.focus.source.BoundedCache;
import dev.convergence.focus.source.Fields;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The identity of a billing export row: the SHA-256 of its canonical JSON, the same whichever
 * extract format carried the row. Canonical means: keys sorted; nulls, blank strings, empty records
 * and empty repeated fields left out (a CSV cannot tell them apart); strings trimmed; numbers by
 * value (trailing zeros dropped, plain notation), including the numeric fields a CSV carries as
 * text; timestamps as ISO 8601 UTC instants ({@code 2023-11-05 14:03:11.123456 UTC} and {@code
 * 2023-11-05T14:03:11.123456Z} are one value). Repeated fields keep their order: a credit's index
 * is part of its row's identity. {@code export_time} is included, so a late correction (a new row
 * with a later export time) has its own identity while an exact duplicate shares one.
 */
final class GcpRowIdentity {

  /** Fields of the standard and detailed export tables that hold numbers, by dotted path. */
  static final Set<String> NUMBERS =
      Set.of(
          "cost",
          "cost_at_list",
          "cost_at_effective_price_default",
          "cost_at_list_consumption_model",
          "currency_conversion_rate",
          "usage.amount",
          "usage.amount_in_pricing_units",
          "credits.amount",
          "price.effective_price",
          "price.effective_price_default",
          "price.list_price",
          "price.list_price_consumption_model",
          "price.tier_start_amount",
          "price.pricing_unit_quantity");

  static final Set<String> TIMESTAMPS = Set.of("usage_start_time", "usage_end_time", "export_time");

  /**
   * The last dotted segments of {@link #NUMBERS} and {@link #TIMESTAMPS}: a member whose key
   * (without a dot) is not one of these is neither a number nor a timestamp field, whatever its
   * parent, so its path need not be spelled out.
   */
  private static final Set<String> TYPED_KEYS = lastSegments(NUMBERS, TIMESTAMPS);

  /** Room for the distinct timestamp texts of a month of hourly rows, with their export times. */
  private static final int TIMESTAMP_CAPACITY = 4096;

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private final MessageDigest sha256;

  /** Canonical texts of the timestamps met so far, by their trimmed source text. */
  private final BoundedCache<String, String> timestamps = new BoundedCache<>(TIMESTAMP_CAPACITY);

  GcpRowIdentity() {
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The row's identity: 64 lower-case hex digits. */
  String of(JsonNode row) {
    try {
      JsonNode canonical = canonical(row, "", timestamps);
      byte[] json = CANONICAL.writeValueAsBytes(canonical == null ? NODES.objectNode() : canonical);
      return HexFormat.of().formatHex(sha256.digest(json));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write canonical JSON", e);
    }
  }

  /** The canonical form of a value at a dotted path, or null when it carries nothing. */
  static JsonNode canonical(JsonNode node, String path) {
    return canonical(node, path, new BoundedCache<>(TIMESTAMP_CAPACITY));
  }

  private static JsonNode canonical(
      JsonNode node, String path, BoundedCache<String, String> timestamps) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      TreeMap<String, JsonNode> members = new TreeMap<>();
      node.properties()
          .forEach(
              member -> {
                JsonNode value = member(member.getValue(), path, member.getKey(), timestamps);
                if (value != null) {
                  members.put(member.getKey(), value);
                }
              });
      if (members.isEmpty()) {
        return null;
      }
      ObjectNode object = NODES.objectNode();
      members.forEach(object::set);
      return object;
    }
    if (node.isArray()) {
      if (node.isEmpty()) {
        return null;
      }
      ArrayNode array = NODES.arrayNode();
      for (JsonNode element : node) {
        JsonNode value = canonical(element, path, timestamps);
        array.add(value == null ? NODES.nullNode() : value);
      }
      return array;
    }
    return scalar(node, path, timestamps);
  }

  /**
   * The canonical form of an object's member: {@link #canonical}, at the member's path, which is
   * only spelled out for a container or a key that may end a number or timestamp path.
   */
  private static JsonNode member(
      JsonNode value, String parent, String key, BoundedCache<String, String> timestamps) {
    if (value == null
        || value.isObject()
        || value.isArray()
        || key.indexOf('.') >= 0
        || TYPED_KEYS.contains(key)) {
      return canonical(value, child(parent, key), timestamps);
    }
    if (value.isNull() || value.isMissingNode()) {
      return null;
    }
    return scalar(value, null, timestamps);
  }

  /** A number, text or other leaf at a path (null for a path that is neither kind of field). */
  private static JsonNode scalar(
      JsonNode node, String path, BoundedCache<String, String> timestamps) {
    if (node.isNumber()) {
      return number(node.decimalValue());
    }
    if (node.isTextual()) {
      String text = Fields.text(node.asText());
      if (text == null) {
        return null;
      }
      if (path != null && NUMBERS.contains(path)) {
        BigDecimal value = Fields.decimalOrNull(text);
        return value != null ? number(value) : NODES.textNode(text);
      }
      if (path != null && TIMESTAMPS.contains(path)) {
        return NODES.textNode(timestamp(path, text, timestamps));
      }
      return NODES.textNode(text);
    }
    return node;
  }

  /**
   * A timestamp as its ISO 8601 UTC instant, or the text itself when it is not a timestamp. Only
   * instants are kept: the text of one is the same at every path.
   */
  private static String timestamp(
      String path, String text, BoundedCache<String, String> timestamps) {
    String known = timestamps.get(text);
    if (known != null) {
      return known;
    }
    try {
      String instant = Fields.instant(path, text).toString();
      timestamps.put(text, instant);
      return instant;
    } catch (RowRejectedException e) {
      return text;
    }
  }

  private static Set<String> lastSegments(Set<String> numbers, Set<String> timestamps) {
    Set<String> keys = new HashSet<>();
    for (Set<String> paths : List.of(numbers, timestamps)) {
      for (String path : paths) {
        keys.add(path.substring(path.lastIndexOf('.') + 1));
      }
    }
    return Set.copyOf(keys);
  }

  private static JsonNode number(BigDecimal value) {
    return NODES.numberNode(value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros());
  }

  private static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
