package dev.convergence.functions;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.workflows.executions.v1.ExecutionsClient;
import com.google.cloud.workflows.executions.v1.ExecutionsSettings;
import dagger.Module;
import dagger.Provides;
import dev.convergence.adapters.embedded.store.LocalDirectoryObjectStore;
import dev.convergence.adapters.gcp.bus.PubSubEmulator;
import dev.convergence.adapters.gcp.bus.PubSubEventBus;
import dev.convergence.adapters.gcp.launch.WorkflowsExecutionLauncher;
import dev.convergence.adapters.gcp.store.GcsObjectStore;
import dev.convergence.core.bus.EventBus;
import dev.convergence.core.config.ConfigDirectory;
import dev.convergence.core.launch.LaunchException;
import dev.convergence.core.launch.WorkflowLauncher;
import dev.convergence.core.ledger.LedgerSettings;
import dev.convergence.core.ledger.ObjectStoreRunLedger;
import dev.convergence.core.ledger.RunLedger;
import dev.convergence.core.pipeline.PipelineCatalog;
import dev.convergence.core.request.RunRequestParser;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.tenant.TenantRegistry;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/** How the functions are built on Google Cloud (or, for the ledger, on a local directory). */
@Module
interface FunctionsModule {

  @Provides
  @Singleton
  static ConfigDirectory config(FunctionSettings settings) {
    return ConfigDirectory.load(
        ConfigLocation.resolve(settings.configUri(), StorageOptions::getDefaultInstance));
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
  static LedgerSettings ledgerSettings() {
    return LedgerSettings.DEFAULT;
  }

  @Provides
  static RunRequestParser parser(Clock clock) {
    return new RunRequestParser(clock);
  }

  @Provides
  @Singleton
  static ObjectStore ledgerStore(FunctionSettings settings) {
    String ledger = settings.ledger();
    if (ledger.startsWith("gs://")) {
      String bucket = ledger.substring("gs://".length()).replaceAll("/+$", "");
      return new GcsObjectStore(StorageOptions.getDefaultInstance().getService(), bucket);
    }
    return new LocalDirectoryObjectStore(Path.of(URI.create(toUri(ledger))));
  }

  private static String toUri(String ledger) {
    return ledger.startsWith("file:")
        ? ledger
        : Path.of(ledger).toAbsolutePath().toUri().toString();
  }

  @Provides
  @Singleton
  static RunLedger ledger(ObjectStoreRunLedger ledger) {
    return ledger;
  }

  @Provides
  @Singleton
  static EventBus bus(FunctionSettings settings) {
    return new PubSubEventBus(
        settings.projectId(),
        settings.pubSubEmulatorHost().map(host -> new PubSubEmulator(host).connection()),
        Duration.ofSeconds(30));
  }

  @Provides
  @Singleton
  static WorkflowLauncher launcher(FunctionSettings settings) {
    Supplier<ExecutionsClient> client =
        new Supplier<>() {
          private ExecutionsClient built;

          @Override
          public synchronized ExecutionsClient get() {
            if (built == null) {
              built = executionsClient(settings);
            }
            return built;
          }
        };
    return new WorkflowsExecutionLauncher(client, settings.workflow());
  }

  private static ExecutionsClient executionsClient(FunctionSettings settings) {
    try {
      if (settings.workflowsEndpoint().isPresent()) {
        return ExecutionsClient.create(
            ExecutionsSettings.newHttpJsonBuilder()
                .setCredentialsProvider(NoCredentialsProvider.create())
                .setEndpoint(settings.workflowsEndpoint().get().toString())
                .build());
      }
      return ExecutionsClient.create();
    } catch (IOException e) {
      throw new LaunchException("cannot create the Workflows Executions client", e);
    }
  }
}
