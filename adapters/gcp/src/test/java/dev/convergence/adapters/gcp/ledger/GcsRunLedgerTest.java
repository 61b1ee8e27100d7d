package dev.convergence.adapters.gcp.ledger;

import dev.convergence.adapters.gcp.store.GcsObjectStore;
import dev.convergence.adapters.gcp.store.TestingCloudStorage;
import dev.convergence.core.ledger.RunLedgerContract;
import dev.convergence.core.store.ObjectStore;

/** The run ledger on Cloud Storage, as the functions and Cloud Run jobs use it. */
class GcsRunLedgerTest extends RunLedgerContract {

  @Override
  protected ObjectStore newStore() {
    return new GcsObjectStore(TestingCloudStorage.newClient(), "convergence-ledger");
  }
}
