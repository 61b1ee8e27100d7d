package dev.convergence.core.ledger;

import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.testing.InMemoryObjectStore;

class InMemoryRunLedgerTest extends RunLedgerContract {

  @Override
  protected ObjectStore newStore() {
    return new InMemoryObjectStore();
  }
}
