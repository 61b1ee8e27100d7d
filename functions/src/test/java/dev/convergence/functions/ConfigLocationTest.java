package dev.convergence.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.storage.StorageOptions;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import dev.convergence.core.config.ConfigDirectory;
import dev.convergence.core.tenant.Tenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConfigLocationTest {

  @Test
  void aConfigurationInCloudStorageLoadsLikeALocalOne() throws Exception {
    StorageOptions storage = LocalStorageHelper.getOptions();
    Path local = Path.of(getClass().getResource("/config").toURI());
    Path remote = ConfigLocation.resolve("gs://convergence-ledger/config/", () -> storage);
    try (Stream<Path> files = Files.walk(local)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.write(remote.resolve(local.relativize(file).toString()), Files.readAllBytes(file));
      }
    }

    ConfigDirectory fromCloud = ConfigDirectory.load(remote);
    ConfigDirectory fromDisk = ConfigDirectory.load(local);

    assertThat(fromCloud.tenants().all())
        .extracting(Tenant::id)
        .containsExactly("acme_corp", "daily_co", "dormant_co", "small_co");
    assertThat(fromCloud.tenants().all()).isEqualTo(fromDisk.tenants().all());
    assertThat(fromCloud.pipelines().all()).isEqualTo(fromDisk.pipelines().all());
  }

  @Test
  void aLocalPathOrFileUriIsTheLocalDirectory() throws Exception {
    Path local = Path.of(getClass().getResource("/config").toURI());

    assertThat(ConfigLocation.resolve(local.toString(), () -> null)).isEqualTo(local);
    assertThat(ConfigLocation.resolve(local.toUri().toString(), () -> null)).isEqualTo(local);
  }
}
