package dev.convergence.core.request;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.convergence.core.testing.Fixtures;
import dev.convergence.core.testing.MutableClock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reason a run request can be refused for, each with the exact code, field and message a
 * sender sees. The admission reasons (plan limits) are asserted in {@code RunLedgerContract}.
 */
class RejectionReasonsTest {

  private static final String VALID =
      "{\"tenant_id\":\"starter_co\",\"pipeline\":\"aws-cur\",\"billing_period\":\"2026-11\","
          + "\"trigger\":\"manual\"";

  private final RunRequestParser parser =
      new RunRequestParser(MutableClock.at("2026-11-22T08:00:00Z"));

  /** A valid request with {@code extra} fields appended. */
  private static byte[] validWith(String extra) {
    return (VALID + extra + "}").getBytes(UTF_8);
  }

  /** The valid request with field {@code name} given {@code json} as its value. */
  private static byte[] validWithField(String name, String json) {
    String body = VALID + "}";
    String replaced = body.replaceFirst("\"" + name + "\":\"[^\"]*\"", "\"" + name + "\":" + json);
    return (replaced.equals(body) ? VALID + ",\"" + name + "\":" + json + "}" : replaced)
        .getBytes(UTF_8);
  }

  static Stream<Arguments> malformedBodies() {
    byte[] oversized = new byte[RunRequestParser.MAX_BODY_BYTES + 1];
    Arrays.fill(oversized, (byte) ' ');
    return Stream.of(
        Arguments.of(
            "empty body",
            new byte[0],
            ReasonCode.BODY_EMPTY,
            "body",
            "body: is empty; expected a JSON object"),
        Arguments.of(
            "blank body",
            " \n\t ".getBytes(UTF_8),
            ReasonCode.BODY_EMPTY,
            "body",
            "body: is empty; expected a JSON object"),
        Arguments.of(
            "65,537 bytes",
            oversized,
            ReasonCode.BODY_TOO_LARGE,
            "body",
            "body: is 65537 bytes; a run request may be at most 65536 bytes"),
        Arguments.of(
            "Latin-1 bytes",
            new byte[] {'{', '"', 't', (byte) 0xE9, '"', ':', '1', '}'},
            ReasonCode.BODY_NOT_UTF8,
            "body",
            "body: is not valid UTF-8 text; send the JSON as UTF-8"),
        Arguments.of(
            "truncated JSON",
            "{\"tenant_id\": \"starter_co\"".getBytes(UTF_8),
            ReasonCode.MALFORMED_JSON,
            "body",
            "body: is not valid JSON: Unexpected end-of-input: expected close marker for Object"
                + " (at line 1, column 27)"),
        Arguments.of(
            "a trailing second object",
            (VALID + "} {}").getBytes(UTF_8),
            ReasonCode.MALFORMED_JSON,
            "body",
            "body: is not valid JSON: more content follows the object (at line 1, column 95)"),
        Arguments.of(
            "an array",
            "[1,2]".getBytes(UTF_8),
            ReasonCode.NOT_A_JSON_OBJECT,
            "body",
            "body: must be a JSON object; got an array"),
        Arguments.of(
            "a repeated field",
            validWith(",\"tenant_id\":\"other_co\""),
            ReasonCode.DUPLICATE_FIELD,
            "tenant_id",
            "tenant_id: appears more than once; send each field once"),
        Arguments.of(
            "an unknown field",
            validWith(",\"priority\":1"),
            ReasonCode.UNKNOWN_FIELD,
            "priority",
            "priority: is not a field of a run request; known fields are billing_period, options,"
                + " pipeline, request_id, source, tenant_id, trigger"),
        Arguments.of(
            "an unknown option",
            validWith(",\"options\":{\"fast\":true}"),
            ReasonCode.UNKNOWN_FIELD,
            "options.fast",
            "options.fast: is not a field of options; known fields are dry_run"),
        Arguments.of(
            "no pipeline",
            "{\"tenant_id\":\"starter_co\",\"billing_period\":\"2026-11\",\"trigger\":\"manual\"}"
                .getBytes(UTF_8),
            ReasonCode.MISSING_FIELD,
            "pipeline",
            "pipeline: is required"),
        Arguments.of(
            "a null tenant",
            validWithField("tenant_id", "null"),
            ReasonCode.MISSING_FIELD,
            "tenant_id",
            "tenant_id: is required"),
        Arguments.of(
            "a numeric tenant",
            validWithField("tenant_id", "42"),
            ReasonCode.WRONG_TYPE,
            "tenant_id",
            "tenant_id: must be a string; got a number"),
        Arguments.of(
            "a string for dry_run",
            validWith(",\"options\":{\"dry_run\":\"yes\"}"),
            ReasonCode.WRONG_TYPE,
            "options.dry_run",
            "options.dry_run: must be true or false; got a string"),
        Arguments.of(
            "options as a list",
            validWith(",\"options\":[]"),
            ReasonCode.WRONG_TYPE,
            "options",
            "options: must be an object; got an array"),
        Arguments.of(
            "a display name as tenant id",
            validWithField("tenant_id", "\"Acme Corp\""),
            ReasonCode.INVALID_TENANT_ID,
            "tenant_id",
            "tenant_id: must be 3 to 50 lowercase letters, digits or '_'; got \"Acme Corp\""),
        Arguments.of(
            "a pipeline with spaces",
            validWithField("pipeline", "\"AWS CUR\""),
            ReasonCode.INVALID_PIPELINE,
            "pipeline",
            "pipeline: must be 2 to 63 lowercase letters, digits or '-', starting with a letter or"
                + " digit; got \"AWS CUR\""),
        Arguments.of(
            "month 13",
            validWithField("billing_period", "\"2026-13\""),
            ReasonCode.INVALID_BILLING_PERIOD,
            "billing_period",
            "billing_period: must be a month as YYYY-MM (for example 2026-11); got \"2026-13\""),
        Arguments.of(
            "the last century",
            validWithField("billing_period", "\"1999-12\""),
            ReasonCode.INVALID_BILLING_PERIOD,
            "billing_period",
            "billing_period: must be 2000-01 or later; got \"1999-12\""),
        Arguments.of(
            "two months ahead",
            validWithField("billing_period", "\"2027-01\""),
            ReasonCode.BILLING_PERIOD_IN_FUTURE,
            "billing_period",
            "billing_period: is 2027-01, more than one month in the future; the latest period"
                + " accepted now is 2026-12"),
        Arguments.of(
            "an unknown trigger",
            validWithField("trigger", "\"cron\""),
            ReasonCode.INVALID_TRIGGER,
            "trigger",
            "trigger: must be one of scheduler, manual, storage-notification, workflow; got"
                + " \"cron\""),
        Arguments.of(
            "a source climbing out with ..",
            validWith(",\"source\":\"landing/starter_co/aws/../../other/\""),
            ReasonCode.INVALID_SOURCE,
            "source",
            "source: must be an object-store key prefix such as landing/acme/aws/2026-11/, but it"
                + " has a '..' segment; got \"landing/starter_co/aws/../../other/\""),
        Arguments.of(
            "a request id carrying SQL",
            validWith(",\"request_id\":\"x'; DROP TABLE runs;--\""),
            ReasonCode.INVALID_REQUEST_ID,
            "request_id",
            "request_id: must be 1 to 128 letters, digits or . _ : -, starting with a letter or"
                + " digit; got \"x'; DROP TABLE runs;--\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedBodies")
  void aMalformedRequestIsRejectedWithItsReason(
      String name, byte[] body, ReasonCode code, String field, String message) {
    RejectedRequestException rejected =
        catchThrowableOfType(RejectedRequestException.class, () -> parser.parse(body));

    assertThat(rejected).as(name).isNotNull();
    assertThat(rejected.rejection()).isEqualTo(new Rejection(code, field, message));
  }

  static Stream<Arguments> requestsTheConfigurationRefuses() {
    return Stream.of(
        Arguments.of(
            Fixtures.request("nobody_co", "r1"),
            ReasonCode.UNKNOWN_TENANT,
            "tenant_id",
            "tenant_id: no tenant 'nobody_co' is configured"),
        Arguments.of(
            Fixtures.request("dormant_co", "r1"),
            ReasonCode.TENANT_SUSPENDED,
            "tenant_id",
            "tenant_id: tenant 'dormant_co' is suspended; its runs are not accepted"),
        Arguments.of(
            withPipeline(Fixtures.request("starter_co", "r1"), "azure-ea"),
            ReasonCode.UNKNOWN_PIPELINE,
            "pipeline",
            "pipeline: no pipeline 'azure-ea' is configured"),
        Arguments.of(
            withPipeline(Fixtures.request("starter_co", "r1"), "gcp-billing"),
            ReasonCode.PROVIDER_NOT_ENABLED,
            "pipeline",
            "pipeline: pipeline 'gcp-billing' reads gcp data, and tenant 'starter_co' is not"
                + " enabled for gcp"),
        Arguments.of(
            withSource(Fixtures.request("starter_co", "r1"), "landing/pro_co/aws/2026-11/"),
            ReasonCode.SOURCE_OUTSIDE_LANDING_PREFIX,
            "source",
            "source: 'landing/pro_co/aws/2026-11/' is outside the tenant's aws landing prefix"
                + " 'landing/starter_co/aws/'"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("requestsTheConfigurationRefuses")
  void aRequestTheConfigurationRefusesIsRejectedWithItsReason(
      RunRequest request, ReasonCode code, String field, String message) {
    RejectedRequestException rejected =
        catchThrowableOfType(
            RejectedRequestException.class, () -> Fixtures.validator().validate(request));

    assertThat(rejected.rejection()).isEqualTo(new Rejection(code, field, message));
  }

  @Test
  void everyReasonCodeIsCoveredHereOrByTheLedgerContract() {
    Set<ReasonCode> covered = EnumSet.noneOf(ReasonCode.class);
    malformedBodies().forEach(a -> covered.add((ReasonCode) a.get()[2]));
    requestsTheConfigurationRefuses().forEach(a -> covered.add((ReasonCode) a.get()[1]));
    // Asserted with their exact messages in RunLedgerContract, on every store.
    covered.addAll(
        Set.of(
            ReasonCode.CONCURRENCY_LIMIT_REACHED,
            ReasonCode.DAILY_QUOTA_EXCEEDED,
            ReasonCode.MONTHLY_QUOTA_EXCEEDED));

    assertThat(covered).containsExactlyInAnyOrder(ReasonCode.values());
  }

  @Test
  void aSourceUnderTheLandingPrefixIsAccepted() throws Exception {
    RunRequest request =
        withSource(Fixtures.request("starter_co", "r1"), "landing/starter_co/aws/2026-11/");

    assertThat(Fixtures.validator().validate(request).tenant().id()).isEqualTo("starter_co");
  }

  private static RunRequest withPipeline(RunRequest request, String pipeline) {
    return new RunRequest(
        request.tenantId(),
        pipeline,
        request.billingPeriod(),
        request.trigger(),
        request.source(),
        request.requestId(),
        request.options());
  }

  private static RunRequest withSource(RunRequest request, String source) {
    return new RunRequest(
        request.tenantId(),
        request.pipeline(),
        request.billingPeriod(),
        request.trigger(),
        Optional.of(source),
        request.requestId(),
        request.options());
  }
}
