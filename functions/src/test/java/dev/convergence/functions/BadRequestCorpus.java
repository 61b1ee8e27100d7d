package dev.convergence.functions;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.convergence.core.request.ReasonCode;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Run requests intake must refuse, each with the reason code it must be refused for: malformed
 * bytes and JSON, wrong types, bad patterns (SQL and path characters included), far-future periods,
 * and requests the configuration cannot serve.
 */
final class BadRequestCorpus {

  /** One bad request: its name, the message's bytes and attributes, the expected reason. */
  record Case(String name, byte[] data, Map<String, String> attributes, ReasonCode expected) {}

  private static final String TENANT = "\"tenant_id\":\"acme_corp\"";
  private static final String PIPELINE = "\"pipeline\":\"aws-cur\"";
  private static final String PERIOD = "\"billing_period\":\"2026-10\"";
  private static final String TRIGGER = "\"trigger\":\"manual\"";

  private BadRequestCorpus() {}

  /** The four required fields, with {@code replaced} swapped in for the one of the same name. */
  private static String request(String... replaced) {
    List<String> fields = new ArrayList<>(List.of(TENANT, PIPELINE, PERIOD, TRIGGER));
    for (String field : replaced) {
      String name = field.substring(0, field.indexOf(':'));
      fields.removeIf(f -> f.startsWith(name));
      fields.add(field);
    }
    return "{" + String.join(",", fields) + "}";
  }

  private static String without(String name) {
    List<String> fields = new ArrayList<>(List.of(TENANT, PIPELINE, PERIOD, TRIGGER));
    fields.removeIf(f -> f.startsWith("\"" + name + "\""));
    return "{" + String.join(",", fields) + "}";
  }

  private static String with(String extra) {
    return "{" + String.join(",", TENANT, PIPELINE, PERIOD, TRIGGER) + "," + extra + "}";
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    String twoMonthsAhead = YearMonth.now(ZoneOffset.UTC).plusMonths(2).toString();
    byte[] oversized = new byte[65_537];
    Arrays.fill(oversized, (byte) ' ');
    byte[] huge = (with("\"source\":\"" + "a".repeat(200_000) + "\"")).getBytes(UTF_8);

    add(cases, "empty body", new byte[0], ReasonCode.BODY_EMPTY);
    add(cases, "blank body", " \n\t ".getBytes(UTF_8), ReasonCode.BODY_EMPTY);
    add(cases, "65,537 bytes", oversized, ReasonCode.BODY_TOO_LARGE);
    add(cases, "200 KB source", huge, ReasonCode.BODY_TOO_LARGE);
    add(
        cases,
        "Latin-1 text",
        "{\"tenant_id\":\"caf\u00e9\"}".getBytes(ISO_8859_1),
        ReasonCode.BODY_NOT_UTF8);
    add(
        cases,
        "lone continuation byte",
        new byte[] {'{', (byte) 0x80, '}'},
        ReasonCode.BODY_NOT_UTF8);
    add(
        cases,
        "overlong slash",
        new byte[] {'{', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
        ReasonCode.BODY_NOT_UTF8);
    add(cases, "truncated JSON", "{\"tenant_id\": \"acme_corp\"", ReasonCode.MALFORMED_JSON);
    add(cases, "open brace", "{", ReasonCode.MALFORMED_JSON);
    add(cases, "missing value", "{\"tenant_id\":}", ReasonCode.MALFORMED_JSON);
    add(cases, "single quotes", "{'tenant_id':'acme_corp'}", ReasonCode.MALFORMED_JSON);
    add(cases, "trailing comma", "{" + TENANT + ",}", ReasonCode.MALFORMED_JSON);
    add(cases, "comment", "// hi\n" + request(), ReasonCode.MALFORMED_JSON);
    add(cases, "NaN", with("\"options\":{\"dry_run\":NaN}"), ReasonCode.MALFORMED_JSON);
    add(cases, "two objects", request() + request(), ReasonCode.MALFORMED_JSON);
    add(cases, "an array", "[" + request() + "]", ReasonCode.NOT_A_JSON_OBJECT);
    add(cases, "a string", "\"acme_corp\"", ReasonCode.NOT_A_JSON_OBJECT);
    add(cases, "a number", "42", ReasonCode.NOT_A_JSON_OBJECT);
    add(cases, "null", "null", ReasonCode.NOT_A_JSON_OBJECT);
    add(cases, "tenant twice", with("\"tenant_id\":\"small_co\""), ReasonCode.DUPLICATE_FIELD);
    add(cases, "unknown field", with("\"priority\":\"high\""), ReasonCode.UNKNOWN_FIELD);
    add(cases, "unknown option", with("\"options\":{\"fast\":true}"), ReasonCode.UNKNOWN_FIELD);
    add(cases, "no tenant", without("tenant_id"), ReasonCode.MISSING_FIELD);
    add(cases, "no pipeline", without("pipeline"), ReasonCode.MISSING_FIELD);
    add(cases, "no period", without("billing_period"), ReasonCode.MISSING_FIELD);
    add(cases, "no trigger", without("trigger"), ReasonCode.MISSING_FIELD);
    add(cases, "tenant as number", request("\"tenant_id\":42"), ReasonCode.WRONG_TYPE);
    add(cases, "pipeline as list", request("\"pipeline\":[\"aws-cur\"]"), ReasonCode.WRONG_TYPE);
    add(cases, "period as number", request("\"billing_period\":202610"), ReasonCode.WRONG_TYPE);
    add(cases, "trigger as boolean", request("\"trigger\":true"), ReasonCode.WRONG_TYPE);
    add(cases, "options as text", with("\"options\":\"dry\""), ReasonCode.WRONG_TYPE);
    add(
        cases,
        "dry_run as text",
        with("\"options\":{\"dry_run\":\"true\"}"),
        ReasonCode.WRONG_TYPE);
    add(cases, "source as object", with("\"source\":{\"prefix\":\"x/\"}"), ReasonCode.WRONG_TYPE);
    add(
        cases,
        "tenant in capitals",
        request("\"tenant_id\":\"ACME_CORP\""),
        ReasonCode.INVALID_TENANT_ID);
    add(
        cases,
        "tenant carrying SQL",
        request("\"tenant_id\":\"acme'; DROP TABLE runs;--\""),
        ReasonCode.INVALID_TENANT_ID);
    add(
        cases,
        "tenant climbing a path",
        request("\"tenant_id\":\"../acme_corp\""),
        ReasonCode.INVALID_TENANT_ID);
    add(cases, "tenant too short", request("\"tenant_id\":\"ab\""), ReasonCode.INVALID_TENANT_ID);
    add(
        cases,
        "tenant too long",
        request("\"tenant_id\":\"" + "a".repeat(51) + "\""),
        ReasonCode.INVALID_TENANT_ID);
    add(
        cases,
        "pipeline with a slash",
        request("\"pipeline\":\"aws/cur\""),
        ReasonCode.INVALID_PIPELINE);
    add(
        cases,
        "month 13",
        request("\"billing_period\":\"2026-13\""),
        ReasonCode.INVALID_BILLING_PERIOD);
    add(
        cases,
        "one-digit month",
        request("\"billing_period\":\"2026-1\""),
        ReasonCode.INVALID_BILLING_PERIOD);
    add(
        cases,
        "two-digit year",
        request("\"billing_period\":\"26-10\""),
        ReasonCode.INVALID_BILLING_PERIOD);
    add(
        cases,
        "last century",
        request("\"billing_period\":\"1999-12\""),
        ReasonCode.INVALID_BILLING_PERIOD);
    add(
        cases,
        "a day, not a month",
        request("\"billing_period\":\"2026-10-01\""),
        ReasonCode.INVALID_BILLING_PERIOD);
    add(
        cases,
        "far future",
        request("\"billing_period\":\"2031-01\""),
        ReasonCode.BILLING_PERIOD_IN_FUTURE);
    add(
        cases,
        "two months ahead",
        request("\"billing_period\":\"" + twoMonthsAhead + "\""),
        ReasonCode.BILLING_PERIOD_IN_FUTURE);
    add(cases, "unknown trigger", request("\"trigger\":\"cron\""), ReasonCode.INVALID_TRIGGER);
    add(
        cases,
        "trigger in capitals",
        request("\"trigger\":\"Manual\""),
        ReasonCode.INVALID_TRIGGER);
    add(
        cases,
        "source climbing out",
        with("\"source\":\"landing/acme_corp/aws/../../x/\""),
        ReasonCode.INVALID_SOURCE);
    add(cases, "absolute source", with("\"source\":\"/etc/passwd\""), ReasonCode.INVALID_SOURCE);
    add(
        cases,
        "backslash source",
        with("\"source\":\"landing\\\\acme_corp\\\\aws\\\\\""),
        ReasonCode.INVALID_SOURCE);
    add(
        cases,
        "request id carrying SQL",
        with("\"request_id\":\"1; DELETE FROM runs\""),
        ReasonCode.INVALID_REQUEST_ID);
    add(
        cases,
        "request id climbing a path",
        with("\"request_id\":\"../../ledger\""),
        ReasonCode.INVALID_REQUEST_ID);
    add(
        cases,
        "request id too long",
        with("\"request_id\":\"" + "r".repeat(200) + "\""),
        ReasonCode.INVALID_REQUEST_ID);
    add(cases, "unknown tenant", request("\"tenant_id\":\"nobody_co\""), ReasonCode.UNKNOWN_TENANT);
    add(
        cases,
        "suspended tenant",
        request("\"tenant_id\":\"dormant_co\""),
        ReasonCode.TENANT_SUSPENDED);
    add(
        cases,
        "unknown pipeline",
        request("\"pipeline\":\"azure-ea\""),
        ReasonCode.UNKNOWN_PIPELINE);
    add(
        cases,
        "provider not enabled",
        request("\"tenant_id\":\"small_co\"", "\"pipeline\":\"gcp-billing\""),
        ReasonCode.PROVIDER_NOT_ENABLED);
    add(
        cases,
        "source outside the tenant",
        with("\"source\":\"landing/small_co/aws/2026-10/\""),
        ReasonCode.SOURCE_OUTSIDE_LANDING_PREFIX);
    cases.add(
        new Case(
            "unknown period choice",
            without("billing_period").getBytes(UTF_8),
            Map.of("billing_period_choice", "last"),
            ReasonCode.INVALID_BILLING_PERIOD));
    return cases;
  }

  private static void add(List<Case> cases, String name, String body, ReasonCode expected) {
    add(cases, name, body.getBytes(UTF_8), expected);
  }

  private static void add(List<Case> cases, String name, byte[] data, ReasonCode expected) {
    cases.add(new Case(name, data, Map.of(), expected));
  }
}
