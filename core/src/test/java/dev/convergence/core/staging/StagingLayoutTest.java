package dev.convergence.core.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.core.store.ObjectInfo;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StagingLayoutTest {

  private final StagingLayout layout =
      StagingLayout.of("acme_corp", "2026-10-3f9c0a1b2c3d4e5f60718293");

  @Test
  void namesEveryObjectOfTheRunUnderOnePrefix() {
    String p = "staging/acme_corp/2026-10-3f9c0a1b2c3d4e5f60718293/";
    assertThat(layout.prefix()).isEqualTo(p);
    assertThat(layout.manifest()).isEqualTo(p + "manifest.json");
    assertThat(layout.extractPrefix()).isEqualTo(p + "extract/");
    assertThat(layout.focusOutputPrefix()).isEqualTo(p + "output/focus/");
    assertThat(layout.dailyOutputPrefix()).isEqualTo(p + "output/daily/");
    assertThat(layout.anomaliesOutputPrefix()).isEqualTo(p + "output/anomalies/");
    assertThat(layout.rejectsOutputPrefix()).isEqualTo(p + "output/rejects/");
    assertThat(layout.summaryOutputPrefix()).isEqualTo(p + "output/summary/");
    assertThat(layout.dqResults()).isEqualTo(p + "check/dq-results.json");
  }

  @Test
  void partFilesAreOnlyTheFinishedPartsDirectlyUnderThePrefix() {
    String focus = layout.focusOutputPrefix();
    List<ObjectInfo> listing =
        List.of(
            info(focus + "part-0-0.parquet"),
            info(focus + ".part-0-1.parquet.inprogress.1234"),
            info(focus + "part-0-1.parquet"),
            info(focus + "nested/part-0-2.parquet"),
            info(focus + "_SUCCESS"));
    assertThat(StagingLayout.partFiles(listing, focus, ".parquet"))
        .extracting(ObjectInfo::key)
        .containsExactly(focus + "part-0-0.parquet", focus + "part-0-1.parquet");
  }

  @Test
  void refusesIdsThatWouldEscapeTheRunPrefix() {
    assertThatThrownBy(() -> StagingLayout.of("acme_corp", "../other"))
        .hasMessage(
            "run_id: must be one object-key segment (letters, digits and . _ = -); got '../other'");
    assertThatThrownBy(() -> StagingLayout.of("Acme", "run-1"))
        .hasMessage("tenant_id: must be 3 to 50 lowercase letters, digits or '_'; got 'Acme'");
  }

  private static ObjectInfo info(String key) {
    return new ObjectInfo(key, 1, 1, Instant.EPOCH);
  }
}
