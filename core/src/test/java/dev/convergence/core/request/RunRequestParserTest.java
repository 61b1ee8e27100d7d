package dev.convergence.core.request;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convergence.core.testing.MutableClock;
import java.io.InputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunRequestParserTest {

  private final RunRequestParser parser =
      new RunRequestParser(MutableClock.at("2026-11-22T08:00:00Z"));

  @Test
  void parsesARequestWithEveryField() throws Exception {
    byte[] body;
    try (InputStream in = getClass().getResourceAsStream("/requests/full-request.json")) {
      body = in.readAllBytes();
    }

    RunRequest request = parser.parse(body);

    assertThat(request)
        .isEqualTo(
            new RunRequest(
                "acme_corp",
                "aws-cur",
                BillingPeriod.of(2026, 10),
                Trigger.SCHEDULER,
                Optional.of("landing/acme_corp/aws/2026-10/"),
                Optional.of("sched:acme_corp:aws-cur:2026-11-01T02:00Z"),
                new RunOptions(true)));
  }

  @Test
  void optionalFieldsMayBeAbsentOrNull() throws Exception {
    RunRequest request =
        parser.parse(
            ("{\"tenant_id\":\"acme_corp\",\"pipeline\":\"aws-cur\",\"billing_period\":\"2026-12\","
                    + "\"trigger\":\"manual\",\"source\":null,\"options\":{}}")
                .getBytes(UTF_8));

    assertThat(request.source()).isEmpty();
    assertThat(request.requestId()).isEmpty();
    assertThat(request.options()).isEqualTo(RunOptions.DEFAULT);
    assertThat(request.billingPeriod()).isEqualTo(BillingPeriod.of(2026, 12));
  }

  @Test
  void aBodyOfExactly64KibIsStillRead() throws Exception {
    String request =
        "{\"tenant_id\":\"acme_corp\",\"pipeline\":\"aws-cur\",\"billing_period\":\"2026-11\","
            + "\"trigger\":\"manual\"}";
    byte[] body =
        (request + " ".repeat(RunRequestParser.MAX_BODY_BYTES - request.length())).getBytes(UTF_8);

    assertThat(body).hasSize(65_536);
    assertThat(parser.parse(body).tenantId()).isEqualTo("acme_corp");
  }

  @Test
  void aRequestWithoutAnIdTakesTheDeliveryIdAndKeepsItsOwn() throws Exception {
    RunRequest withoutId =
        parser.parse(
            ("{\"tenant_id\":\"acme_corp\",\"pipeline\":\"aws-cur\",\"billing_period\":\"2026-11\","
                    + "\"trigger\":\"manual\"}")
                .getBytes(UTF_8));

    assertThat(withoutId.withRequestIdIfAbsent("pubsub-123").requestId()).contains("pubsub-123");
    RunRequest withId = withoutId.withRequestIdIfAbsent("first");
    assertThat(withId.withRequestIdIfAbsent("second").requestId()).contains("first");
  }
}
