package dev.convergence.core.request;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.convergence.core.pipeline.PipelineConfig;
import dev.convergence.core.store.ObjectKeys;
import dev.convergence.core.tenant.Tenant;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a run request into a {@link RunRequest}, strictly: the first thing wrong
 * becomes a {@link Rejection} whose code is stable and whose message names the field.
 *
 * <p>Checks run in a fixed order (size, encoding, syntax, unknown fields, then each field in
 * declaration order), so the same bad body always gets the same reason.
 */
public final class RunRequestParser {

  /** The largest body accepted: 64 KiB. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  public static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
  private static final int MAX_SOURCE_LENGTH = 512;

  private static final Set<String> FIELDS =
      Set.of(
          "tenant_id", "pipeline", "billing_period", "trigger", "source", "request_id", "options");
  private static final Set<String> OPTION_FIELDS = Set.of("dry_run");

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final Clock clock;

  public RunRequestParser(Clock clock) {
    this.clock = clock;
  }

  public RunRequest parse(byte[] body) throws RejectedRequestException {
    return parse(body, Optional.empty());
  }

  /**
   * Parses {@code body}, taking {@code defaultPeriod} as the billing period when the body has none:
   * a Cloud Scheduler message cannot name the month it fires in, so intake derives it.
   */
  public RunRequest parse(byte[] body, Optional<BillingPeriod> defaultPeriod)
      throws RejectedRequestException {
    JsonNode root = readObject(body);
    rejectUnknownFields(root, FIELDS, "");

    String tenantId = requiredText(root, "tenant_id");
    check(
        Tenant.ID.matcher(tenantId).matches(),
        ReasonCode.INVALID_TENANT_ID,
        "tenant_id",
        "must be 3 to 50 lowercase letters, digits or '_'; got " + Quoted.of(tenantId));

    String pipeline = requiredText(root, "pipeline");
    check(
        PipelineConfig.NAME.matcher(pipeline).matches(),
        ReasonCode.INVALID_PIPELINE,
        "pipeline",
        "must be 2 to 63 lowercase letters, digits or '-', starting with a letter or digit; got "
            + Quoted.of(pipeline));

    BillingPeriod period =
        defaultPeriod.isPresent() && isAbsent(root, "billing_period")
            ? defaultPeriod.get()
            : billingPeriod(requiredText(root, "billing_period"));

    String triggerName = requiredText(root, "trigger");
    Trigger trigger =
        Trigger.fromWireName(triggerName)
            .orElseThrow(
                () ->
                    rejected(
                        ReasonCode.INVALID_TRIGGER,
                        "trigger",
                        "must be one of "
                            + Trigger.wireNames()
                            + "; got "
                            + Quoted.of(triggerName)));

    Optional<String> source = optionalText(root, "source");
    if (source.isPresent()) {
      String prefix = source.get();
      String problem =
          prefix.length() > MAX_SOURCE_LENGTH
              ? "it is longer than " + MAX_SOURCE_LENGTH + " characters"
              : ObjectKeys.problem(prefix, true);
      check(
          problem == null,
          ReasonCode.INVALID_SOURCE,
          "source",
          "must be an object-store key prefix such as landing/acme/aws/2026-11/, but "
              + problem
              + "; got "
              + Quoted.of(prefix));
    }

    Optional<String> requestId = optionalText(root, "request_id");
    if (requestId.isPresent()) {
      check(
          REQUEST_ID.matcher(requestId.get()).matches(),
          ReasonCode.INVALID_REQUEST_ID,
          "request_id",
          "must be 1 to 128 letters, digits or . _ : -, starting with a letter or digit; got "
              + Quoted.of(requestId.get()));
    }

    RunOptions options = options(root);
    return new RunRequest(tenantId, pipeline, period, trigger, source, requestId, options);
  }

  private JsonNode readObject(byte[] body) throws RejectedRequestException {
    if (body.length > MAX_BODY_BYTES) {
      throw rejected(
          ReasonCode.BODY_TOO_LARGE,
          "body",
          "is "
              + body.length
              + " bytes; a run request may be at most "
              + MAX_BODY_BYTES
              + " bytes");
    }
    String text = decodeUtf8(body);
    if (text.isBlank()) {
      throw rejected(ReasonCode.BODY_EMPTY, "body", "is empty; expected a JSON object");
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonParseException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("Duplicate field")) {
        String name = duplicateFieldName(e);
        throw rejected(
            ReasonCode.DUPLICATE_FIELD, name, "appears more than once; send each field once");
      }
      throw rejected(ReasonCode.MALFORMED_JSON, "body", "is not valid JSON: " + describe(e));
    } catch (JsonProcessingException e) {
      String what =
          e.getOriginalMessage().startsWith("Trailing token")
              ? "more content follows the object" + where(e)
              : describe(e);
      throw rejected(ReasonCode.MALFORMED_JSON, "body", "is not valid JSON: " + what);
    }
    if (root == null || !root.isObject()) {
      throw rejected(
          ReasonCode.NOT_A_JSON_OBJECT,
          "body",
          "must be a JSON object; got " + typeName(root == null ? null : root.getNodeType()));
    }
    return root;
  }

  private static String decodeUtf8(byte[] body) throws RejectedRequestException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw rejected(
          ReasonCode.BODY_NOT_UTF8, "body", "is not valid UTF-8 text; send the JSON as UTF-8");
    }
  }

  private static void rejectUnknownFields(JsonNode object, Set<String> known, String path)
      throws RejectedRequestException {
    Set<String> unknown = new TreeSet<>();
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      String where = path.isEmpty() ? "a run request" : path.substring(0, path.length() - 1);
      throw rejected(
          ReasonCode.UNKNOWN_FIELD,
          path + unknown.iterator().next(),
          "is not a field of "
              + where
              + "; known fields are "
              + String.join(", ", new TreeSet<>(known)));
    }
  }

  private static boolean isAbsent(JsonNode root, String field) {
    return root.get(field) == null || root.get(field).isNull();
  }

  private static String requiredText(JsonNode root, String field) throws RejectedRequestException {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      throw rejected(ReasonCode.MISSING_FIELD, field, "is required");
    }
    return text(node, field);
  }

  private static Optional<String> optionalText(JsonNode root, String field)
      throws RejectedRequestException {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    return Optional.of(text(node, field));
  }

  private static String text(JsonNode node, String field) throws RejectedRequestException {
    if (!node.isTextual()) {
      throw wrongType(field, "a string", node);
    }
    return node.textValue();
  }

  private BillingPeriod billingPeriod(String text) throws RejectedRequestException {
    BillingPeriod period;
    try {
      period = BillingPeriod.parse(text);
    } catch (IllegalArgumentException e) {
      throw rejected(ReasonCode.INVALID_BILLING_PERIOD, "billing_period", e.getMessage());
    }
    BillingPeriod latest = BillingPeriod.containing(clock.instant()).plusMonths(1);
    check(
        period.compareTo(latest) <= 0,
        ReasonCode.BILLING_PERIOD_IN_FUTURE,
        "billing_period",
        "is "
            + period
            + ", more than one month in the future; the latest period accepted now is "
            + latest);
    return period;
  }

  private static RunOptions options(JsonNode root) throws RejectedRequestException {
    JsonNode node = root.get("options");
    if (node == null || node.isNull()) {
      return RunOptions.DEFAULT;
    }
    if (!node.isObject()) {
      throw wrongType("options", "an object", node);
    }
    rejectUnknownFields(node, OPTION_FIELDS, "options.");
    JsonNode dryRun = node.get("dry_run");
    if (dryRun == null || dryRun.isNull()) {
      return RunOptions.DEFAULT;
    }
    if (!dryRun.isBoolean()) {
      throw wrongType("options.dry_run", "true or false", dryRun);
    }
    return new RunOptions(dryRun.booleanValue());
  }

  private static RejectedRequestException wrongType(String field, String expected, JsonNode node) {
    return rejected(
        ReasonCode.WRONG_TYPE,
        field,
        "must be " + expected + "; got " + typeName(node.getNodeType()));
  }

  private static String typeName(JsonNodeType type) {
    if (type == null || type == JsonNodeType.MISSING) {
      return "nothing";
    }
    return switch (type) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case STRING -> "a string";
      case BINARY -> "binary data";
      default -> type.name().toLowerCase(Locale.ROOT);
    };
  }

  private static String duplicateFieldName(JsonParseException e) {
    // Jackson: "Duplicate field 'name'"
    String message = e.getOriginalMessage();
    int open = message.indexOf('\'');
    int close = message.indexOf('\'', open + 1);
    return open >= 0 && close > open ? message.substring(open + 1, close) : "body";
  }

  private static String describe(JsonProcessingException e) {
    String what = e.getOriginalMessage();
    for (String tail : new String[] {"\n", " (start marker at"}) {
      int cut = what.indexOf(tail);
      if (cut >= 0) {
        what = what.substring(0, cut);
      }
    }
    return what + where(e);
  }

  private static String where(JsonProcessingException e) {
    if (e.getLocation() == null || e.getLocation().getLineNr() <= 0) {
      return "";
    }
    return " (at line "
        + e.getLocation().getLineNr()
        + ", column "
        + e.getLocation().getColumnNr()
        + ")";
  }

  private static void check(boolean ok, ReasonCode code, String field, String detail)
      throws RejectedRequestException {
    if (!ok) {
      throw rejected(code, field, detail);
    }
  }

  private static RejectedRequestException rejected(ReasonCode code, String field, String detail) {
    return new RejectedRequestException(Rejection.of(code, field, detail));
  }
}
