package dev.convergence.core.warehouse;

import dev.convergence.core.staging.StagingLayout;
import dev.convergence.core.store.ObjectInfo;
import dev.convergence.core.store.ObjectKeys;
import dev.convergence.core.store.ObjectStore;
import java.util.List;
import java.util.Objects;

/**
 * The Parquet part files of one run's staged output that a publish loads, as object-store keys.
 *
 * <p>The files are listed once, by the caller, and named one by one rather than by a glob: the load
 * then reads exactly what the check stage checked, an output with no rows (a run without anomalies
 * writes no part file) is an empty list rather than a glob that matches nothing, and each adapter
 * turns a key into its own address ({@code gs://bucket/key} for BigQuery, a file under the local
 * store's root for DuckDB).
 *
 * @param focus {@code focus_costs} rows; at least one file
 * @param daily {@code daily_costs} rows; may be empty
 * @param anomalies {@code cost_anomalies} rows; may be empty
 */
public record StagedOutput(List<String> focus, List<String> daily, List<String> anomalies) {

  public StagedOutput {
    focus = checked(focus, "focus");
    daily = checked(daily, "daily");
    anomalies = checked(anomalies, "anomalies");
    if (focus.isEmpty()) {
      throw new IllegalArgumentException(
          "focus: a publish needs at least one staged FOCUS part file; a run with no FOCUS rows"
              + " has nothing to publish");
    }
  }

  /** The run's part files as {@code store} lists them now, under the run's output prefixes. */
  public static StagedOutput find(ObjectStore store, StagingLayout layout) {
    return new StagedOutput(
        parts(store, layout.focusOutputPrefix()),
        parts(store, layout.dailyOutputPrefix()),
        parts(store, layout.anomaliesOutputPrefix()));
  }

  private static List<String> parts(ObjectStore store, String prefix) {
    return StagingLayout.partFiles(store.list(prefix), prefix, ".parquet").stream()
        .map(ObjectInfo::key)
        .toList();
  }

  private static List<String> checked(List<String> keys, String output) {
    Objects.requireNonNull(keys, output);
    for (String key : keys) {
      ObjectKeys.check(key);
      if (!key.endsWith(".parquet")) {
        throw new IllegalArgumentException(output + ": not a Parquet file: " + key);
      }
    }
    return keys.stream().distinct().sorted().toList();
  }
}
