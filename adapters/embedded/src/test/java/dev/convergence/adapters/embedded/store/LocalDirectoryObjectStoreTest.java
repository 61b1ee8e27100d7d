package dev.convergence.adapters.embedded.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convergence.core.store.ObjectInfo;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.store.ObjectStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryObjectStoreTest extends ObjectStoreContract {

  @TempDir Path root;

  @Override
  protected ObjectStore newStore() {
    return new LocalDirectoryObjectStore(root);
  }

  @Test
  void anObjectIsAPlainFileUnderTheRootSoOtherToolsCanReadIt() throws Exception {
    store.put("staging/run-1/summary.json", "{\"rows\":3}".getBytes(UTF_8));

    assertThat(Files.readString(root.resolve("staging/run-1/summary.json")))
        .isEqualTo("{\"rows\":3}");
  }

  @Test
  void bookkeepingFilesAreNeverListed() {
    store.put("a.json", "1".getBytes(UTF_8));

    assertThat(Files.isDirectory(root.resolve(".convergence/locks"))).isTrue();
    assertThat(store.list("")).extracting(ObjectInfo::key).containsExactly("a.json");
  }

  @Test
  void twoStoresOnOneDirectoryShareTheirLocks() throws Exception {
    ObjectStore other = new LocalDirectoryObjectStore(root);
    long generation = store.put("shared.json", "1".getBytes(UTF_8));

    assertThat(other.replaceIfGeneration("shared.json", "2".getBytes(UTF_8), generation))
        .isPresent();
    assertThat(store.replaceIfGeneration("shared.json", "3".getBytes(UTF_8), generation)).isEmpty();
    assertThat(store.read("shared.json").orElseThrow().contentAsUtf8()).isEqualTo("2");
  }
}
