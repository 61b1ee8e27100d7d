package dev.convergence.stages.finalize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * How events are written: one compact JSON object, keys in a fixed order, every key present (null
 * when unknown), money and other amounts as exact decimal strings without trailing zeros ({@code
 * "1234.56"}), never JSON numbers that a consumer might read as binary floating point.
 */
final class EventJson {

  static final ObjectMapper JSON = new ObjectMapper();

  private EventJson() {}

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write event " + node, e);
    }
  }

  /** An exact amount as plain text without trailing zeros, or null. */
  static String amount(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros().toPlainString();
  }

  /** {@link #amount(BigDecimal)} of a decimal written as text, or null. */
  static String amount(String text) {
    return text == null ? null : amount(new BigDecimal(text));
  }

  /**
   * A short, stable digest of {@code parts}: the first 16 hex digits of the SHA-256 of the parts as
   * a JSON array, which keeps {@code ["a:b", "c"]} and {@code ["a", "b:c"]} apart.
   */
  static String digest(List<String> parts) {
    try {
      byte[] text = JSON.writeValueAsBytes(parts);
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text);
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot digest " + parts, e);
    }
  }
}
