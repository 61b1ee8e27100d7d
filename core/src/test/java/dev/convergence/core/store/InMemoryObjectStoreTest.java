package dev.convergence.core.store;

import dev.convergence.core.testing.InMemoryObjectStore;

class InMemoryObjectStoreTest extends ObjectStoreContract {

  @Override
  protected ObjectStore newStore() {
    return new InMemoryObjectStore();
  }
}
