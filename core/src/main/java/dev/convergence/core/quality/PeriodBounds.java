package dev.convergence.core.quality;

import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The instants a run's billing period covers, {@code [start, end)}, as the provider's invoices
 * count it: AWS and Azure bill calendar months in UTC; Google Cloud bills Pacific Time months
 * ({@code invoice.month} 202610 starts at 2026-10-01T07:00Z), which is what FOCUS rows converted
 * from its export carry as BillingPeriodStart.
 */
public record PeriodBounds(BillingPeriod period, Instant start, Instant end) {

  private static final ZoneId GOOGLE_INVOICE_ZONE = ZoneId.of("America/Los_Angeles");

  public PeriodBounds {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("end: must be after start " + start + "; got " + end);
    }
  }

  public static PeriodBounds of(Provider provider, BillingPeriod period) {
    ZoneId zone = provider == Provider.GCP ? GOOGLE_INVOICE_ZONE : ZoneOffset.UTC;
    return new PeriodBounds(
        period,
        period.month().atDay(1).atStartOfDay(zone).toInstant(),
        period.month().plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
  }

  /** Whether {@code [from, to)} lies within these bounds. */
  public boolean contains(Instant from, Instant to) {
    return !from.isBefore(start) && !to.isAfter(end) && !to.isBefore(from);
  }

  @Override
  public String toString() {
    return period + " [" + start + ", " + end + ")";
  }
}
