package dev.convergence.stages;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.storage.contrib.nio.CloudStorageConfiguration;
import com.google.cloud.storage.contrib.nio.CloudStorageFileSystem;
import dagger.Module;
import dagger.Provides;
import dev.convergence.adapters.embedded.bus.InProcessEventBus;
import dev.convergence.adapters.embedded.store.LocalDirectoryObjectStore;
import dev.convergence.adapters.embedded.warehouse.DuckDbWarehouse;
import dev.convergence.adapters.gcp.bus.PubSubEmulator;
import dev.convergence.adapters.gcp.bus.PubSubEventBus;
import dev.convergence.adapters.gcp.store.GcsObjectStore;
import dev.convergence.adapters.gcp.warehouse.BigQueryWarehouse;
import dev.convergence.core.bus.EventBus;
import dev.convergence.core.config.ConfigDirectory;
import dev.convergence.core.ledger.LedgerSettings;
import dev.convergence.core.ledger.ObjectStoreRunLedger;
import dev.convergence.core.ledger.RunLedger;
import dev.convergence.core.pipeline.PipelineCatalog;
import dev.convergence.core.request.RunRequestValidator;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.tenant.TenantRegistry;
import dev.convergence.core.warehouse.Warehouse;
import dev.convergence.stages.ingest.BigQueryBillingExportExtractor;
import dev.convergence.stages.ingest.BillingExportExtractor;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How the stages are built: Cloud Storage, BigQuery and Pub/Sub in the cloud; a directory, DuckDB
 * and the in-process bus locally. What a stage does not use is never built, so ingest and check
 * need no warehouse or bus settings.
 */
@Module
interface StagesModule {

  @Provides
  @Singleton
  static ConfigDirectory config(StageSettings settings) {
    String location = settings.config();
    if (location.startsWith("gs://")) {
      URI uri = URI.create(location);
      CloudStorageFileSystem files =
          CloudStorageFileSystem.forBucket(
              uri.getHost(),
              CloudStorageConfiguration.DEFAULT,
              StorageOptions.getDefaultInstance());
      String prefix = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
      return ConfigDirectory.load(files.getPath(prefix.endsWith("/") ? prefix : prefix + "/"));
    }
    return ConfigDirectory.load(Path.of(location));
  }

  @Provides
  static TenantRegistry tenants(ConfigDirectory config) {
    return config.tenants();
  }

  @Provides
  static PipelineCatalog pipelines(ConfigDirectory config) {
    return config.pipelines();
  }

  @Provides
  static Clock clock() {
    return Clock.systemUTC();
  }

  @Provides
  @Singleton
  static ObjectStore store(StageSettings settings) {
    if (settings.cloudStore()) {
      return new GcsObjectStore(
          StorageOptions.getDefaultInstance().getService(), settings.bucket());
    }
    return new LocalDirectoryObjectStore(Path.of(settings.store()));
  }

  @Provides
  static TaskAttempt attempt(StageSettings settings) {
    return new TaskAttempt(settings.taskAttempt());
  }

  /**
   * The run ledger, on its own store when {@code --ledger} names one, else on the stages' store.
   */
  @Provides
  @Singleton
  static RunLedger ledger(
      StageSettings settings,
      ObjectStore store,
      TenantRegistry tenants,
      PipelineCatalog pipelines,
      Clock clock) {
    ObjectStore ledgerStore = store;
    if (settings.ledger().isPresent()) {
      String location = settings.ledgerLocation();
      ledgerStore =
          location.startsWith("gs://")
              ? new GcsObjectStore(
                  StorageOptions.getDefaultInstance().getService(),
                  StageSettings.bucketOf(location))
              : new LocalDirectoryObjectStore(Path.of(location));
    }
    return new ObjectStoreRunLedger(
        ledgerStore, new RunRequestValidator(tenants, pipelines), clock, LedgerSettings.DEFAULT);
  }

  @Provides
  @Singleton
  static Warehouse warehouse(StageSettings settings, StageResources resources) {
    if (settings.duckDbFile().isPresent()) {
      return resources.register(
          new DuckDbWarehouse(settings.duckDbFile().get(), Path.of(settings.store())));
    }
    if (settings.bigQueryProject().isPresent()) {
      String project = settings.bigQueryProject().get();
      BigQuery bigquery =
          BigQueryOptions.newBuilder()
              .setProjectId(project)
              .setRetrySettings(
                  BigQueryWarehouse.retrySettings(6, Duration.ofSeconds(1), Duration.ofSeconds(32)))
              .build()
              .getService();
      return new BigQueryWarehouse(
          bigquery, project, settings.bigQueryLocation().orElseThrow(), settings.bucket());
    }
    throw new StageException(
        StageError.INVALID_ARGUMENT,
        "--warehouse: is required to publish or finalize (or set CONVERGENCE_WAREHOUSE)");
  }

  /**
   * Pub/Sub in the project {@code --project} names (through the emulator when one is given);
   * without a project, the in-process bus, which only a local store may use: a cloud deployment
   * that forgot its project would otherwise drop its events.
   */
  @Provides
  @Singleton
  static EventBus bus(StageSettings settings, StageResources resources) {
    if (settings.projectId().isPresent()) {
      return resources.register(
          new PubSubEventBus(
              settings.projectId().get(),
              settings
                  .pubSubEmulatorHost()
                  .map(host -> resources.register(new PubSubEmulator(host)).connection()),
              Duration.ofSeconds(30)));
    }
    if (settings.cloudStore()) {
      throw new StageException(
          StageError.INVALID_ARGUMENT,
          "--project: is required with a gs:// store, for the Pub/Sub topics (or set"
              + " CONVERGENCE_PROJECT_ID)");
    }
    return new InProcessEventBus();
  }

  @Provides
  static BillingExportExtractor extractor(StageSettings settings) {
    if (!settings.cloudStore()) {
      return (table, month, target) -> {
        throw new StageException(
            StageError.INVALID_ARGUMENT,
            "--store: extracting "
                + table
                + " needs a gs:// store, where BigQuery can write; got "
                + settings.store());
      };
    }
    return new BigQueryBillingExportExtractor(
        () -> BigQueryOptions.getDefaultInstance().getService(), settings.bucket());
  }
}
