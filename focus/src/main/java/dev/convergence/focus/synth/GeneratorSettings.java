package dev.convergence.focus.synth;

import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * What to generate: {@code rows} line items for one provider and billing period, from {@code seed}
 * (the same settings always give the same bytes), into {@code directory}.
 *
 * @param deliveries AWS and Azure: how many month-to-date snapshots to write, each a complete
 *     restatement of the period so far (the last covers the whole month and holds {@code rows}
 *     rows); Google Cloud: how many overlapping extracts of the append-only export to write
 */
public record GeneratorSettings(
    Provider provider,
    BillingPeriod period,
    long rows,
    long seed,
    int deliveries,
    int accounts,
    Path directory,
    List<PlantedSpike> spikes) {

  /** Settings without planted anomalies. */
  public GeneratorSettings(
      Provider provider,
      BillingPeriod period,
      long rows,
      long seed,
      int deliveries,
      int accounts,
      Path directory) {
    this(provider, period, rows, seed, deliveries, accounts, directory, List.of());
  }

  public GeneratorSettings {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(directory, "directory");
    spikes = List.copyOf(spikes);
    if (rows < 1) {
      throw new IllegalArgumentException("rows: must be 1 or more; got " + rows);
    }
    if (deliveries < 1 || deliveries > 31) {
      throw new IllegalArgumentException("deliveries: must be 1 to 31; got " + deliveries);
    }
    if (accounts < 1) {
      throw new IllegalArgumentException("accounts: must be 1 or more; got " + accounts);
    }
    for (PlantedSpike spike : spikes) {
      if (spike.subAccount() >= accounts) {
        throw new IllegalArgumentException(
            "spikes: sub-account " + spike.subAccount() + " does not exist; there are " + accounts);
      }
      if (!YearMonth.from(spike.day()).equals(period.month())) {
        throw new IllegalArgumentException(
            "spikes: " + spike.day() + " is outside the billing period " + period);
      }
    }
  }

  /** These settings with anomalies planted. */
  public GeneratorSettings withSpikes(List<PlantedSpike> planted) {
    return new GeneratorSettings(
        provider, period, rows, seed, deliveries, accounts, directory, planted);
  }

  /** The factor a line item's cost is multiplied by: a planted spike's, or 1. */
  BigDecimal spikeFactor(LocalDate day, int subAccount, String serviceCode) {
    for (PlantedSpike spike : spikes) {
      if (spike.hits(day, subAccount, serviceCode)) {
        return spike.factor();
      }
    }
    return BigDecimal.ONE;
  }
}
