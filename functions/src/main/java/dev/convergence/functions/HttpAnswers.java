package dev.convergence.functions;

import com.google.cloud.functions.HttpResponse;
import dev.convergence.core.ledger.LedgerJson;
import dev.convergence.core.request.ReasonCode;
import dev.convergence.core.request.Rejection;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** How the HTTP functions answer: JSON bodies, and one HTTP status for each reason code. */
final class HttpAnswers {

  private HttpAnswers() {}

  static void json(HttpResponse response, int status, Object body) throws IOException {
    response.setStatusCode(status);
    response.setContentType("application/json; charset=utf-8");
    try (OutputStream out = response.getOutputStream()) {
      out.write(LedgerJson.write(body));
    }
  }

  static void refused(HttpResponse response, Rejection rejection) throws IOException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("reason_code", rejection.code().name());
    body.put("field", rejection.field());
    body.put("message", rejection.message());
    json(response, status(rejection.code()), body);
  }

  static void error(HttpResponse response, int status, String message) throws IOException {
    json(response, status, Map.of("message", message));
  }

  /**
   * The sender's faults are 4xx: 400 for a malformed request, 403 for a suspended tenant, 422 for a
   * request the configuration cannot serve, 429 for a plan limit (retry later).
   */
  static int status(ReasonCode code) {
    return switch (code) {
      case BODY_EMPTY,
          BODY_TOO_LARGE,
          BODY_NOT_UTF8,
          MALFORMED_JSON,
          NOT_A_JSON_OBJECT,
          DUPLICATE_FIELD,
          UNKNOWN_FIELD,
          MISSING_FIELD,
          WRONG_TYPE,
          INVALID_TENANT_ID,
          INVALID_PIPELINE,
          INVALID_BILLING_PERIOD,
          BILLING_PERIOD_IN_FUTURE,
          INVALID_TRIGGER,
          INVALID_SOURCE,
          INVALID_REQUEST_ID ->
          400;
      case TENANT_SUSPENDED -> 403;
      case UNKNOWN_TENANT, UNKNOWN_PIPELINE, PROVIDER_NOT_ENABLED, SOURCE_OUTSIDE_LANDING_PREFIX ->
          422;
      case CONCURRENCY_LIMIT_REACHED, DAILY_QUOTA_EXCEEDED, MONTHLY_QUOTA_EXCEEDED -> 429;
    };
  }
}
