package dev.convergence.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageArgumentsTest {

  @Test
  void turnsTheVariablesTheOptionsReadIntoTheOptionsAndIgnoresOthers() {
    List<String> args =
        StageArguments.fromEnvironment(
            Map.of(
                "CONVERGENCE_RUN_ID", "run-1",
                "CONVERGENCE_TENANT_ID", "acme_corp",
                "CONVERGENCE_STORE", "/data/store",
                "HOME", "/root"));

    assertThat(args).hasSize(6).containsSubsequence("--run-id", "run-1");
    assertThat(args).containsSubsequence("--tenant", "acme_corp");
    assertThat(args).containsSubsequence("--store", "/data/store");
    assertThat(args).doesNotContain("/root");
  }

  @Test
  void aStageRunFromThoseArgumentsSeesTheSameRequestAsFromItsEnvironment() {
    StageOptions options = new StageOptions();
    new picocli.CommandLine(options)
        .parseArgs(
            StageArguments.fromEnvironment(
                    Map.of(
                        "CONVERGENCE_RUN_ID", "run-1",
                        "CONVERGENCE_TENANT_ID", "acme_corp",
                        "CONVERGENCE_PIPELINE", "aws-cur",
                        "CONVERGENCE_BILLING_PERIOD", "2026-10"))
                .toArray(String[]::new));

    StageRequest request = options.request();

    assertThat(request.runId()).isEqualTo("run-1");
    assertThat(request.tenantId()).isEqualTo("acme_corp");
    assertThat(request.pipeline()).isEqualTo("aws-cur");
    assertThat(request.billingPeriod().toString()).isEqualTo("2026-10");
  }
}
