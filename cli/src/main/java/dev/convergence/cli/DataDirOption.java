package dev.convergence.cli;

import dev.convergence.cli.local.LocalDeployment;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The data directory every command works in. */
final class DataDirOption {

  @Option(
      names = {"-d", "--data-dir"},
      defaultValue = "${env:CONVERGENCE_DATA_DIR:-convergence-data}",
      description = "The data directory (config, store, warehouse); default ${DEFAULT-VALUE}.")
  Path dataDir;

  LocalDeployment deployment() {
    return new LocalDeployment(dataDir);
  }
}
