package dev.convergence.focus.source;

import dev.convergence.focus.RejectReason;
import dev.convergence.focus.RowRejectedException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * Exact parsing of source values. Money and quantities become {@link BigDecimal} straight from
 * their text (so {@code 5.64902E-05} is exactly 0.0000564902), timestamps become UTC instants, and
 * a value that does not parse rejects the record with the column named.
 */
public final class Fields {

  /** Strict, so that 2/30/2026 is refused rather than read as the last day of February. */
  private static final DateTimeFormatter US_DATE =
      DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);

  /** {@code 2023-11-01 00:00:00 UTC}, the BigQuery text form of a TIMESTAMP. */
  private static final DateTimeFormatter BIGQUERY_TIMESTAMP =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .appendLiteral(" UTC")
          .toFormatter()
          .withZone(ZoneOffset.UTC);

  private Fields() {}

  /** The trimmed text, or null when it is null or blank. */
  public static String text(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }

  public static String requiredText(String column, String value) throws RowRejectedException {
    String text = text(value);
    if (text == null) {
      throw new RowRejectedException(RejectReason.MISSING_VALUE, column + ": is empty");
    }
    return text;
  }

  public static BigDecimal decimal(String column, String value) throws RowRejectedException {
    String text = text(value);
    if (text == null) {
      throw new RowRejectedException(RejectReason.MISSING_VALUE, column + ": is empty");
    }
    return parseDecimal(column, text);
  }

  /** The decimal, or null when the value is empty. */
  public static BigDecimal optionalDecimal(String column, String value)
      throws RowRejectedException {
    String text = text(value);
    return text == null ? null : parseDecimal(column, text);
  }

  /** The decimal, or null when it is empty or does not parse: for reporting a reject's cost. */
  public static BigDecimal decimalOrNull(String value) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static BigDecimal parseDecimal(String column, String text) throws RowRejectedException {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new RowRejectedException(
          RejectReason.INVALID_NUMBER, column + ": '" + text + "' is not a decimal number");
    }
  }

  /**
   * A timestamp as ISO 8601 with an offset ({@code 2023-11-01T00:00:00.000Z}, {@code
   * 2023-11-01T00:00Z}) or as BigQuery text ({@code 2023-11-01 00:00:00 UTC}), as a UTC instant.
   */
  public static Instant instant(String column, String value) throws RowRejectedException {
    String text = requiredText(column, value);
    try {
      if (text.endsWith(" UTC")) {
        return BIGQUERY_TIMESTAMP.parse(text, Instant::from);
      }
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new RowRejectedException(
          RejectReason.INVALID_TIMESTAMP,
          column + ": '" + text + "' is not an ISO 8601 timestamp with an offset");
    }
  }

  /**
   * A calendar date as {@code M/d/yyyy} (Azure EA), {@code yyyy-MM-dd} (Azure MCA), or the date
   * part of an ISO 8601 timestamp at midnight UTC.
   */
  public static LocalDate date(String column, String value) throws RowRejectedException {
    String text = requiredText(column, value);
    try {
      if (text.indexOf('/') > 0) {
        return LocalDate.parse(text, US_DATE);
      }
      if (text.length() == 10) {
        return LocalDate.parse(text);
      }
      OffsetDateTime time =
          OffsetDateTime.parse(
              text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$") ? text : text + "Z");
      if (time.toLocalTime().toNanoOfDay() != 0) {
        throw new DateTimeParseException("not midnight", text, 0);
      }
      return time.toLocalDate();
    } catch (DateTimeParseException e) {
      throw new RowRejectedException(
          RejectReason.INVALID_TIMESTAMP,
          column + ": '" + text + "' is not a date (M/d/yyyy, yyyy-MM-dd or a midnight timestamp)");
    }
  }

  public static Instant startOfDay(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
