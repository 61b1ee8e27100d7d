package dev.convergence.focus.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convergence.focus.RowRejectedException;
import dev.convergence.focus.source.Fields;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link GcpRowIdentity} spells out a member's path only where it can matter and remembers the
 * timestamps it has read; this checks it against the plain canonical form (every path spelled out,
 * every timestamp parsed) over random rows, including dotted keys, typed paths inside arrays and
 * timestamps that do not parse.
 */
class GcpRowIdentityEquivalenceTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private static final List<String> KEYS =
      List.of(
          "cost",
          "amount",
          "usage",
          "credits",
          "price",
          "effective_price",
          "usage_start_time",
          "export_time",
          "usage.amount",
          "price.list_price",
          "unit",
          "name",
          "labels",
          "");
  private static final List<String> TEXTS =
      List.of(
          "1.50",
          " 0.000 ",
          "3.85e-07",
          "x",
          "",
          "  ",
          "2023-11-05 14:03:11.123456 UTC",
          "2023-11-05T14:03:11.123456Z",
          "2023-11-05T15:03:11+01:00",
          "2023-11-05T14:03:11",
          "2023-13-05 14:03:11 UTC",
          "seconds");

  @Test
  void canonicalFormsAndIdentitiesAreThePlainOnes() throws Exception {
    Random random = new Random(202311L);
    GcpRowIdentity identity = new GcpRowIdentity();
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    for (int i = 0; i < 5_000; i++) {
      JsonNode row = randomObject(random, 0);
      JsonNode expected = reference(row, "");

      assertThat(String.valueOf(GcpRowIdentity.canonical(row, "")))
          .as("row %d: %s", i, row)
          .isEqualTo(String.valueOf(expected));
      byte[] json = CANONICAL.writeValueAsBytes(expected == null ? NODES.objectNode() : expected);
      assertThat(identity.of(row)).isEqualTo(HexFormat.of().formatHex(sha256.digest(json)));
    }
  }

  private static ObjectNode randomObject(Random random, int depth) {
    ObjectNode object = NODES.objectNode();
    int members = random.nextInt(5);
    for (int i = 0; i < members; i++) {
      object.set(KEYS.get(random.nextInt(KEYS.size())), randomValue(random, depth));
    }
    return object;
  }

  private static JsonNode randomValue(Random random, int depth) {
    int kind = random.nextInt(depth < 3 ? 6 : 3);
    return switch (kind) {
      case 0 -> NODES.textNode(TEXTS.get(random.nextInt(TEXTS.size())));
      case 1 -> NODES.numberNode(new BigDecimal(random.nextInt(2000) - 1000).movePointLeft(2));
      case 2 -> random.nextBoolean() ? NODES.nullNode() : NODES.booleanNode(random.nextBoolean());
      case 3, 4 -> randomObject(random, depth + 1);
      default -> {
        ArrayNode array = NODES.arrayNode();
        int elements = random.nextInt(3);
        for (int i = 0; i < elements; i++) {
          array.add(randomValue(random, depth + 1));
        }
        yield array;
      }
    };
  }

  /** The canonical form as first written: every path spelled out, every timestamp parsed. */
  private static JsonNode reference(JsonNode node, String path) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      TreeMap<String, JsonNode> members = new TreeMap<>();
      node.properties()
          .forEach(
              member -> {
                String child = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                JsonNode value = reference(member.getValue(), child);
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
        JsonNode value = reference(element, path);
        array.add(value == null ? NODES.nullNode() : value);
      }
      return array;
    }
    if (node.isNumber()) {
      return number(node.decimalValue());
    }
    if (node.isTextual()) {
      String text = Fields.text(node.asText());
      if (text == null) {
        return null;
      }
      if (GcpRowIdentity.NUMBERS.contains(path)) {
        BigDecimal value = Fields.decimalOrNull(text);
        return value != null ? number(value) : NODES.textNode(text);
      }
      if (GcpRowIdentity.TIMESTAMPS.contains(path)) {
        try {
          return NODES.textNode(Fields.instant(path, text).toString());
        } catch (RowRejectedException e) {
          return NODES.textNode(text);
        }
      }
      return NODES.textNode(text);
    }
    return node;
  }

  private static JsonNode number(BigDecimal value) {
    return NODES.numberNode(value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros());
  }
}
