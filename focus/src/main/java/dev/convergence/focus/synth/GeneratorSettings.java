package dev.convergence.focus.synth;

import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import java.nio.file.Path;
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
    Path directory) {

  public GeneratorSettings {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(directory, "directory");
    if (rows < 1) {
      throw new IllegalArgumentException("rows: must be 1 or more; got " + rows);
    }
    if (deliveries < 1 || deliveries > 31) {
      throw new IllegalArgumentException("deliveries: must be 1 to 31; got " + deliveries);
    }
    if (accounts < 1) {
      throw new IllegalArgumentException("accounts: must be 1 or more; got " + accounts);
    }
  }
}
