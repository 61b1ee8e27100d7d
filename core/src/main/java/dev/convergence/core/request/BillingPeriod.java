package dev.convergence.core.request;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Pattern;

/** A calendar month of billing, {@code YYYY-MM}, whose bounds are UTC instants, end exclusive. */
public record BillingPeriod(YearMonth month) implements Comparable<BillingPeriod> {

  private static final Pattern FORMAT = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

  /** Billing data older than this is not cloud billing data; a request for it is a mistake. */
  public static final YearMonth EARLIEST = YearMonth.of(2000, 1);

  public BillingPeriod {
    Objects.requireNonNull(month, "month");
    if (month.isBefore(EARLIEST)) {
      throw new IllegalArgumentException("must be " + EARLIEST + " or later; got " + month);
    }
  }

  /** Parses {@code YYYY-MM}; throws {@link IllegalArgumentException} naming the expected form. */
  @JsonCreator
  public static BillingPeriod parse(String text) {
    if (text == null || !FORMAT.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "must be a month as YYYY-MM (for example 2026-11); got " + Quoted.of(text));
    }
    YearMonth month = YearMonth.parse(text);
    if (month.isBefore(EARLIEST)) {
      throw new IllegalArgumentException(
          "must be " + EARLIEST + " or later; got " + Quoted.of(text));
    }
    return new BillingPeriod(month);
  }

  public static BillingPeriod of(int year, int month) {
    return new BillingPeriod(YearMonth.of(year, month));
  }

  public static BillingPeriod containing(Instant instant) {
    return containing(instant, ZoneOffset.UTC);
  }

  /** The month {@code instant} falls in, as a calendar in {@code zone} shows it. */
  public static BillingPeriod containing(Instant instant, ZoneId zone) {
    return new BillingPeriod(YearMonth.from(instant.atZone(zone)));
  }

  public Instant start() {
    return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The first instant after the period: periods are half-open, {@code [start, end)}. */
  public Instant end() {
    return month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  public BillingPeriod plusMonths(long months) {
    return new BillingPeriod(month.plusMonths(months));
  }

  @Override
  public int compareTo(BillingPeriod other) {
    return month.compareTo(other.month);
  }

  @JsonValue
  @Override
  public String toString() {
    return month.toString();
  }
}
