package dev.convergence.focus.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.focus.RejectReason;
import dev.convergence.focus.RowRejectedException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimestampCacheTest {

  /** Every form {@link Fields#instant} reads, and some near misses it rejects. */
  private static final List<String> INSTANTS =
      List.of(
          "2026-10-01T00:00:00Z",
          "2026-10-01T00:00:00.000Z",
          "2026-10-01T00:00Z",
          "2026-10-01T02:00:00+02:00",
          "2026-09-30T17:00:00-07:00",
          "2026-10-01T11:00:00.123456789Z",
          "2026-10-01 11:00:00 UTC",
          "2026-10-01 11:00:00.5 UTC",
          "2026-10-01 11:00:00.123456 UTC",
          " 2026-10-01T11:00:00Z ",
          "2026-10-01T11:00:00Z\t",
          "2026-10-01T11:00:00+18:00",
          "9999-12-31T23:59:59Z",
          "garbage",
          "2026-13-01T00:00:00Z",
          "2026-02-30T00:00:00Z",
          "2026-10-01T24:00:00Z",
          "2026-10-01T11:00:00",
          "2026-10-01T11:00:00+0200",
          "2026-10-01T11:00:00+19:00",
          "+2026-10-01T11:00:00Z",
          "2026-10-01 11:00:00 utc",
          "2026-10-01 11:00 UTC",
          "",
          "   ");

  /** Every form {@link Fields#date} reads, and some near misses it rejects. */
  private static final List<String> DATES =
      List.of(
          "9/2/2026",
          "09/02/2026",
          "10/31/2026",
          "2026-09-02",
          "2026-09-02T00:00:00Z",
          "2026-09-02T00:00:00",
          "2026-09-02T00:00:00.000Z",
          "2026-09-02T00:00:00+05:00",
          " 10/1/2026 ",
          "2026-09-02T01:00:00Z",
          "13/1/2026",
          "2/30/2026",
          "2026-02-30",
          "10-01-2026",
          "abcdefghij",
          "x",
          "",
          " ");

  @Test
  void instantsAreWhatFieldsParsesEveryTime() throws Exception {
    TimestampCache cache = new TimestampCache();
    for (int round = 0; round < 3; round++) {
      for (String text : INSTANTS) {
        assertThat(outcome(() -> cache.instant("col", text)))
            .as(text)
            .isEqualTo(outcome(() -> Fields.instant("col", text)));
      }
    }
  }

  @Test
  void datesAreWhatFieldsParsesEveryTime() throws Exception {
    TimestampCache cache = new TimestampCache();
    for (int round = 0; round < 3; round++) {
      for (String text : DATES) {
        assertThat(outcome(() -> cache.date("col", text)))
            .as(text)
            .isEqualTo(outcome(() -> Fields.date("col", text)));
      }
    }
  }

  @Test
  void aTextThatDoesNotParseRejectsEachTimeNamingItsColumn() throws Exception {
    TimestampCache cache = new TimestampCache();
    assertThat(cache.instant("a", "2026-10-01T00:00:00Z"))
        .isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));

    for (String column : List.of("lineItem/UsageStartDate", "lineItem/UsageEndDate")) {
      assertThatThrownBy(() -> cache.instant(column, "2026-13-01T00:00:00Z"))
          .isInstanceOfSatisfying(
              RowRejectedException.class,
              e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_TIMESTAMP))
          .hasMessage(
              column + ": '2026-13-01T00:00:00Z' is not an ISO 8601 timestamp with an offset");
    }
    assertThatThrownBy(() -> cache.instant("bill/BillingPeriodEndDate", " "))
        .isInstanceOfSatisfying(
            RowRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.MISSING_VALUE))
        .hasMessage("bill/BillingPeriodEndDate: is empty");
    assertThatThrownBy(() -> cache.instant("bill/BillingPeriodEndDate", null))
        .hasMessage("bill/BillingPeriodEndDate: is empty");
    assertThatThrownBy(() -> cache.date("Date", "13/1/2026"))
        .isInstanceOf(RowRejectedException.class)
        .hasMessage(
            "Date: '13/1/2026' is not a date (M/d/yyyy, yyyy-MM-dd or a midnight timestamp)");
    // A day the month does not have is refused in either form, not moved to the month's end.
    for (String day : List.of("2/30/2026", "2026-02-30")) {
      assertThatThrownBy(() -> cache.date("Date", day))
          .isInstanceOf(RowRejectedException.class)
          .hasMessage(
              "Date: '" + day + "' is not a date (M/d/yyyy, yyyy-MM-dd or a midnight timestamp)");
    }
    assertThat(cache.instantCount()).isEqualTo(1);
    assertThat(cache.dateCount()).isZero();
  }

  @Test
  void aRepeatedTextIsParsedOnce() throws Exception {
    TimestampCache cache = new TimestampCache();
    Instant first = cache.instant("a", "2026-10-01T00:00:00Z");

    assertThat(cache.instant("b", "2026-10-01T00:00:00Z")).isSameAs(first);
    assertThat(cache.date("c", "10/1/2026")).isSameAs(cache.date("d", "10/1/2026"));
    assertThat(cache.instantCount()).isEqualTo(1);
    assertThat(cache.dateCount()).isEqualTo(1);
  }

  @Test
  void aFullCacheDropsItsOldestTextAndStillParses() throws Exception {
    TimestampCache cache = new TimestampCache(4);
    Instant start = Instant.parse("2026-10-01T00:00:00Z");
    for (int hour = 0; hour < 100; hour++) {
      Instant expected = start.plusSeconds(3600L * hour);
      assertThat(cache.instant("col", expected.toString())).isEqualTo(expected);
      assertThat(cache.instantCount()).isLessThanOrEqualTo(4);
    }
    assertThat(cache.instantCount()).isEqualTo(4);
    // The oldest texts were dropped; asked again, they parse to the same instants.
    assertThat(cache.instant("col", start.toString())).isEqualTo(start);
    for (int day = 1; day <= 20; day++) {
      String text = "10/" + day + "/2026";
      assertThat(cache.date("col", text)).isEqualTo(LocalDate.of(2026, 10, day));
      assertThat(cache.dateCount()).isLessThanOrEqualTo(4);
    }
  }

  @Test
  void theDefaultCapacityHoldsTwoMonthsOfHours() {
    assertThat(TimestampCache.DEFAULT_CAPACITY).isGreaterThanOrEqualTo(2 * 31 * 24 + 2);
  }

  @Test
  void aCapacityBelowOneIsRefused() {
    assertThatThrownBy(() -> new TimestampCache(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity: must be 1 or more; got 0");
  }

  /** A parse result or the reject it raised, comparable with equals. */
  private static Object outcome(Parse parse) {
    try {
      return parse.run();
    } catch (RowRejectedException e) {
      return e.reason() + " " + e.getMessage();
    }
  }

  @FunctionalInterface
  private interface Parse {
    Object run() throws RowRejectedException;
  }
}
