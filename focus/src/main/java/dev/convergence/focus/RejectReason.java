package dev.convergence.focus;

/** Why a source record could not be converted: a stable, machine-readable code. */
public enum RejectReason {
  /** The record has a different number of fields than the header, or is not valid JSON. */
  MALFORMED_RECORD,
  /** A value the mapping needs is empty. */
  MISSING_VALUE,
  /** A cost, quantity or price is not a decimal number. */
  INVALID_NUMBER,
  /** A date or timestamp is not in a form the layout uses. */
  INVALID_TIMESTAMP,
  /** A charge type the mapping has no documented rule for; guessing would invent a category. */
  UNKNOWN_CHARGE_TYPE,
  /** A JSON value (tags, labels) is not what the layout says. */
  INVALID_JSON,
  /** The converted row breaks a FOCUS 1.2 rule (see {@link FocusConformance}). */
  NOT_CONFORMANT
}
