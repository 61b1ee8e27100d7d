package dev.convergence.adapters.gcp.store;

import com.google.cloud.storage.Storage;

/** Cloud Storage clients on fresh in-memory stores, for tests in other packages. */
public final class TestingCloudStorage {

  private TestingCloudStorage() {}

  public static Storage newClient() {
    return CloudStorageSemantics.create().client();
  }
}
