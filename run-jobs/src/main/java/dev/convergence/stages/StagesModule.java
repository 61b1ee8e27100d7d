package dev.convergence.stages;

import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.storage.contrib.nio.CloudStorageConfiguration;
import com.google.cloud.storage.contrib.nio.CloudStorageFileSystem;
import dagger.Module;
import dagger.Provides;
import dev.convergence.adapters.embedded.store.LocalDirectoryObjectStore;
import dev.convergence.adapters.gcp.store.GcsObjectStore;
import dev.convergence.core.config.ConfigDirectory;
import dev.convergence.core.pipeline.PipelineCatalog;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.tenant.TenantRegistry;
import dev.convergence.stages.ingest.BigQueryBillingExportExtractor;
import dev.convergence.stages.ingest.BillingExportExtractor;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/** How the stages are built: Cloud Storage and BigQuery in the cloud, a directory locally. */
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
