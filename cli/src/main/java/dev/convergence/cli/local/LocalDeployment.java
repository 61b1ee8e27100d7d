package dev.convergence.cli.local;

import dev.convergence.adapters.embedded.store.LocalDirectoryObjectStore;
import dev.convergence.core.config.ConfigDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Convergence on one machine, in one data directory: what the cloud spreads over buckets, a ledger,
 * a warehouse and a configuration bucket, each in its own place under the directory.
 *
 * <pre>
 * DATA/config/          tenants/ and pipelines/ (the configuration bucket)
 * DATA/store/           landing/, staging/ and the run ledger (the buckets)
 * DATA/warehouse.duckdb the warehouse (BigQuery's datasets as DuckDB schemas)
 * DATA/checkpoints/     Flink checkpoints
 * DATA/reports/         HTML reports
 * </pre>
 */
public record LocalDeployment(Path root) {

  /** The name the workflow file's {@code gs://} URIs give the local store. */
  public static final String STORE_BUCKET = "local-store";

  public LocalDeployment {
    root = root.toAbsolutePath().normalize();
  }

  public Path config() {
    return root.resolve("config");
  }

  public Path store() {
    return root.resolve("store");
  }

  public Path warehouse() {
    return root.resolve("warehouse.duckdb");
  }

  public Path checkpoints() {
    return root.resolve("checkpoints");
  }

  public Path reports() {
    return root.resolve("reports");
  }

  /** Creates the directories; the configuration must be there already. */
  public LocalDeployment prepare() throws IOException {
    Files.createDirectories(store());
    Files.createDirectories(checkpoints());
    Files.createDirectories(reports());
    return this;
  }

  public ConfigDirectory loadConfig() {
    return ConfigDirectory.load(config());
  }

  public LocalDirectoryObjectStore objectStore() {
    return new LocalDirectoryObjectStore(store());
  }

  /** What Terraform gives each Cloud Run job's container, for the local store and warehouse. */
  public Map<String, String> stageEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CONVERGENCE_CONFIG_URI", config().toString());
    env.put("CONVERGENCE_STORE", store().toString());
    env.put("CONVERGENCE_WAREHOUSE", "duckdb:" + warehouse());
    return env;
  }

  /**
   * A {@code gs://local-store/KEY} URI from the workflow as a path in the local store; anything
   * else unchanged.
   */
  public String localUri(String uri) {
    String prefix = "gs://" + STORE_BUCKET + "/";
    return uri.startsWith(prefix)
        ? store().resolve(uri.substring(prefix.length())).toString()
        : uri;
  }
}
