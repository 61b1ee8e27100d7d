package dev.convergence.core.request;

/**
 * Why a run request was refused. The names are a stable contract: they travel as the {@code
 * reason_code} attribute of dead-lettered messages, in API answers and in logs, so dashboards and
 * alerts can rely on them. Add codes; never rename or reuse one.
 */
public enum ReasonCode {
  // The body as bytes.
  BODY_EMPTY,
  BODY_TOO_LARGE,
  BODY_NOT_UTF8,
  MALFORMED_JSON,
  NOT_A_JSON_OBJECT,
  DUPLICATE_FIELD,

  // The fields.
  UNKNOWN_FIELD,
  MISSING_FIELD,
  WRONG_TYPE,
  INVALID_TENANT_ID,
  INVALID_PIPELINE,
  INVALID_BILLING_PERIOD,
  BILLING_PERIOD_IN_FUTURE,
  INVALID_TRIGGER,
  INVALID_SOURCE,
  INVALID_REQUEST_ID,

  // The request against the tenants' and pipelines' configuration.
  UNKNOWN_TENANT,
  TENANT_SUSPENDED,
  UNKNOWN_PIPELINE,
  PROVIDER_NOT_ENABLED,
  SOURCE_OUTSIDE_LANDING_PREFIX,

  // Admission against the tenant's plan.
  CONCURRENCY_LIMIT_REACHED,
  DAILY_QUOTA_EXCEEDED,
  MONTHLY_QUOTA_EXCEEDED
}
