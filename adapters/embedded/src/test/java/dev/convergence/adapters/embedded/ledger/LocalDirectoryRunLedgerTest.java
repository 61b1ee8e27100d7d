package dev.convergence.adapters.embedded.ledger;

import dev.convergence.adapters.embedded.store.LocalDirectoryObjectStore;
import dev.convergence.core.ledger.RunLedgerContract;
import dev.convergence.core.store.ObjectStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The run ledger on the local directory store, as the CLI and demo use it. */
class LocalDirectoryRunLedgerTest extends RunLedgerContract {

  @TempDir Path root;

  @Override
  protected ObjectStore newStore() {
    return new LocalDirectoryObjectStore(root);
  }
}
