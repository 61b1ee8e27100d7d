package dev.convergence.focus.source;

import dev.convergence.focus.RowRejectedException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Fields#instant} and {@link Fields#date} for one stream, remembering the texts it has
 * parsed. A billing file repeats few timestamps: every row carries the same billing period, and
 * usage periods are hourly or daily, so a month holds under a thousand distinct texts among
 * millions of rows. Parsing with {@code java.time} costs far more than a map lookup, and a parsed
 * {@link Instant} or {@link LocalDate} is immutable, so it can be shared by every row that has the
 * same text.
 *
 * <p>The result is exactly what {@link Fields} returns: a text is parsed by {@link Fields} the
 * first time, and only a successful result is kept, under the raw text (a parse depends on nothing
 * else). A text that does not parse is not remembered, so it rejects every time with {@link
 * Fields}' own reason and message, naming the column it was read from.
 *
 * <p>Each cache holds at most its capacity of texts per kind, dropping the oldest when full, so a
 * file of ever-new timestamps costs bounded memory. One instance serves one stream (it is not
 * thread-safe), and goes with it: nothing is kept across files.
 */
public final class TimestampCache {

  /** Room for every hourly timestamp of two months, with their period ends. */
  static final int DEFAULT_CAPACITY = 2048;

  private final BoundedCache<String, Instant> instants;
  private final BoundedCache<String, LocalDate> dates;

  public TimestampCache() {
    this(DEFAULT_CAPACITY);
  }

  TimestampCache(int capacity) {
    this.instants = new BoundedCache<>(capacity);
    this.dates = new BoundedCache<>(capacity);
  }

  /** {@link Fields#instant(String, String)}, from the cache when the text was parsed before. */
  public Instant instant(String column, String value) throws RowRejectedException {
    Instant cached = instants.get(value);
    if (cached != null) {
      return cached;
    }
    Instant parsed = Fields.instant(column, value);
    instants.put(value, parsed);
    return parsed;
  }

  /** {@link Fields#date(String, String)}, from the cache when the text was parsed before. */
  public LocalDate date(String column, String value) throws RowRejectedException {
    LocalDate cached = dates.get(value);
    if (cached != null) {
      return cached;
    }
    LocalDate parsed = Fields.date(column, value);
    dates.put(value, parsed);
    return parsed;
  }

  /** How many instant texts are remembered. */
  int instantCount() {
    return instants.size();
  }

  /** How many date texts are remembered. */
  int dateCount() {
    return dates.size();
  }
}
