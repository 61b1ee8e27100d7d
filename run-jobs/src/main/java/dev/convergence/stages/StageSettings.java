package dev.convergence.stages;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a stage's dependencies are, read once at the edge ({@link StageOptions#settings()}). Only
 * the configuration and the store are needed by every stage; the rest is checked when a stage that
 * needs it builds it, so ingest and check run without a warehouse or a bus.
 *
 * @param config the configuration directory: a local path or {@code gs://BUCKET/PREFIX/}
 * @param store the object store: a local directory or {@code gs://BUCKET}
 * @param ledger where the run ledger lives, when not in {@code store}: a directory or {@code
 *     gs://BUCKET}
 * @param warehouse {@code duckdb:/path/file.duckdb} or {@code bigquery:PROJECT}
 * @param bigQueryLocation where a BigQuery warehouse's datasets are and its jobs run
 * @param projectId the project of the Pub/Sub topics; without it events go to the in-process bus
 * @param pubSubEmulatorHost the Pub/Sub emulator's {@code host:port}, for local runs and tests
 * @param taskAttempt which attempt at the Cloud Run task this process is, from 1
 */
public record StageSettings(
    String config,
    String store,
    Optional<String> ledger,
    Optional<String> warehouse,
    Optional<String> bigQueryLocation,
    Optional<String> projectId,
    Optional<String> pubSubEmulatorHost,
    int taskAttempt) {

  static final String DUCKDB = "duckdb:";
  static final String BIGQUERY = "bigquery:";

  public StageSettings {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(store, "store");
    ledger = ledger == null ? Optional.empty() : ledger;
    warehouse = warehouse == null ? Optional.empty() : warehouse;
    bigQueryLocation = bigQueryLocation == null ? Optional.empty() : bigQueryLocation;
    projectId = projectId == null ? Optional.empty() : projectId;
    pubSubEmulatorHost = pubSubEmulatorHost == null ? Optional.empty() : pubSubEmulatorHost;
    if (taskAttempt < 1) {
      throw new IllegalArgumentException("taskAttempt: must be 1 or more; got " + taskAttempt);
    }
  }

  /** The configuration and the store only: what ingest and check need. */
  public static StageSettings of(String config, String store) {
    return new StageSettings(
        config,
        store,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        1);
  }

  public boolean cloudStore() {
    return store.startsWith("gs://");
  }

  /** The bucket of a {@code gs://} store. */
  public String bucket() {
    return bucketOf(store);
  }

  /** Where the run ledger lives: {@link #ledger()}, or else the store. */
  public String ledgerLocation() {
    return ledger.orElse(store);
  }

  /** The bucket of a {@code gs://} location. */
  static String bucketOf(String location) {
    return location.substring("gs://".length()).replaceAll("/+$", "");
  }

  /** The DuckDB file of a {@code duckdb:} warehouse. */
  public Optional<Path> duckDbFile() {
    return warehouse
        .filter(w -> w.startsWith(DUCKDB))
        .map(w -> Path.of(w.substring(DUCKDB.length())));
  }

  /** The project of a {@code bigquery:} warehouse. */
  public Optional<String> bigQueryProject() {
    return warehouse.filter(w -> w.startsWith(BIGQUERY)).map(w -> w.substring(BIGQUERY.length()));
  }
}
