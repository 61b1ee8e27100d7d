package dev.convergence.adapters.gcp.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.store.ObjectStoreContract;
import dev.convergence.core.store.ObjectStoreException;
import org.junit.jupiter.api.Test;

class GcsObjectStoreTest extends ObjectStoreContract {

  private CloudStorageSemantics service;
  private Storage storage;

  @Override
  protected ObjectStore newStore() {
    service = CloudStorageSemantics.create();
    storage = service.client();
    return new GcsObjectStore(storage, "convergence-ledger");
  }

  @Test
  void objectsLandInTheNamedBucketUnderTheirKey() {
    store.put("ledger/runs/acme/r.json", "{}".getBytes(UTF_8));

    assertThat(storage.readAllBytes(BlobId.of("convergence-ledger", "ledger/runs/acme/r.json")))
        .isEqualTo("{}".getBytes(UTF_8));
  }

  @Test
  void aFailureOtherThanAPreconditionIsADependencyFailureNamingTheObject() {
    // 403: the service account lacks a permission. (A 503 the client retries by itself.)
    service.failNextRequest(403);

    // Not "someone else got there first": the caller must not take it for a lost race.
    assertThatThrownBy(() -> store.createIfAbsent("slots/acme/0.json", new byte[0]))
        .isInstanceOf(ObjectStoreException.class)
        .hasMessage(
            "cannot write gs://convergence-ledger/slots/acme/0.json (HTTP 403): injected failure");
    assertThat(store.read("slots/acme/0.json")).isEmpty();
  }
}
