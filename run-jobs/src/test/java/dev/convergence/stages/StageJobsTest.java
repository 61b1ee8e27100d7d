package dev.convergence.stages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convergence.adapters.embedded.store.LocalDirectoryObjectStore;
import dev.convergence.adapters.embedded.warehouse.DuckDbWarehouse;
import dev.convergence.core.config.ConfigDirectory;
import dev.convergence.core.ledger.Admission;
import dev.convergence.core.ledger.LedgerSettings;
import dev.convergence.core.ledger.ObjectStoreRunLedger;
import dev.convergence.core.ledger.RunState;
import dev.convergence.core.quality.QualityReport;
import dev.convergence.core.quality.RuleName;
import dev.convergence.core.quality.RuleResult;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.request.RunOptions;
import dev.convergence.core.request.RunRequest;
import dev.convergence.core.request.RunRequestValidator;
import dev.convergence.core.request.Trigger;
import dev.convergence.core.staging.StagingJson;
import dev.convergence.core.testing.MutableClock;
import dev.convergence.core.warehouse.DqOutcome;
import dev.convergence.stages.finalize.FinalizeMain;
import dev.convergence.stages.publish.PublishMain;
import dev.convergence.stages.testing.RunFixture;
import dev.convergence.stages.testing.StagedOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publish and finalize jobs as Cloud Run starts them: arguments in, the graph built by Dagger
 * from them (a configuration directory, a local store holding the ledger, a DuckDB file, the
 * in-process bus), an exit code out.
 */
class StageJobsTest {

  @TempDir Path dir;
  Path store;
  Path config;
  String runId;
  ObjectStoreRunLedger ledger;

  @BeforeEach
  void setUp() throws Exception {
    store = dir.resolve("store");
    config = dir.resolve("config");
    Files.createDirectories(config.resolve("tenants"));
    Files.createDirectories(config.resolve("pipelines"));
    Files.writeString(
        config.resolve("tenants/acme_corp.yaml"),
        """
        id: acme_corp
        display_name: Acme Corporation
        status: active
        plan: starter
        providers:
          - provider: aws
            billing_accounts: ["100010000000"]
            landing_prefix: landing/acme_corp/aws/
        """);
    Files.writeString(
        config.resolve("pipelines/aws-cur.yaml"),
        """
        name: aws-cur
        provider: aws
        source_format: aws-cur-legacy-csv
        """);
    ConfigDirectory loaded = ConfigDirectory.load(config);
    LocalDirectoryObjectStore objects = new LocalDirectoryObjectStore(store);
    ledger =
        new ObjectStoreRunLedger(
            objects,
            new RunRequestValidator(loaded.tenants(), loaded.pipelines()),
            MutableClock.at("2026-11-02T08:00:00Z"),
            LedgerSettings.DEFAULT);
    Admission admission =
        ledger.admit(
            new RunRequest(
                "acme_corp",
                "aws-cur",
                BillingPeriod.of(2026, 10),
                Trigger.MANUAL,
                Optional.empty(),
                Optional.of("r1"),
                RunOptions.DEFAULT));
    runId = ((Admission.Admitted) admission).run().runId();
    StageRequest request =
        StageRequest.of(runId, "acme_corp", "aws-cur", BillingPeriod.of(2026, 10));
    try (RunFixture fixture = new RunFixture(dir.resolve("fixture"))) {
      StagedOutput staged = new StagedOutput(Files.createDirectories(dir.resolve("scratch")));
      var rows = fixture.rows(runId);
      staged.focusRows(objects, request.layout().focusOutputPrefix() + "part-0-0.parquet", rows);
      StagedOutput.summary(
          objects,
          request.layout().summaryOutputPrefix() + "part-0-0.json",
          "acme_corp",
          runId,
          rows.size(),
          RunFixture.billedCost(rows),
          0,
          java.math.BigDecimal.ZERO,
          0,
          java.math.BigDecimal.ZERO);
    }
  }

  private String[] args(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--run-id",
                runId,
                "--tenant",
                "acme_corp",
                "--pipeline",
                "aws-cur",
                "--billing-period",
                "2026-10",
                "--config",
                config.toString(),
                "--store",
                store.toString(),
                "--warehouse",
                "duckdb:" + dir.resolve("convergence.duckdb")));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private void checked() {
    List<RuleResult> results = new ArrayList<>();
    for (RuleName rule : RuleName.values()) {
      results.add(RuleResult.pass(rule, rule.defaultSeverity(), "0", "0", "held"));
    }
    new LocalDirectoryObjectStore(store)
        .put(
            "staging/acme_corp/" + runId + "/check/dq-results.json",
            StagingJson.write(
                QualityReport.of(
                    runId,
                    "acme_corp",
                    "aws-cur",
                    BillingPeriod.of(2026, 10),
                    results,
                    Instant.parse("2026-11-02T08:30:00Z"))));
  }

  @Test
  void publishWithoutCheckResultsExitsFourAndFinalizeEndsTheRunFailed() {
    assertThat(PublishMain.run(args())).isEqualTo(4);

    assertThat(
            FinalizeMain.run(
                args("--outcome", "FAILED", "--failed-step", "publish", "--error", "no results")))
        .isEqualTo(0);
    assertThat(ledger.find("acme_corp", runId).orElseThrow().state()).isEqualTo(RunState.FAILED);
  }

  @Test
  void publishThenFinalizeSucceeded() {
    checked();

    assertThat(PublishMain.run(args())).isEqualTo(0);
    assertThat(FinalizeMain.run(args("--outcome", "SUCCEEDED"))).isEqualTo(0);
    assertThat(FinalizeMain.run(args("--outcome", "SUCCEEDED"))).as("a retry").isEqualTo(0);

    assertThat(ledger.find("acme_corp", runId).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
    // The jobs closed the DuckDB file behind them: it opens again, with what they wrote.
    try (DuckDbWarehouse warehouse =
        new DuckDbWarehouse(dir.resolve("convergence.duckdb"), store)) {
      assertThat(warehouse.pipelineRuns("acme_corp"))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.state()).isEqualTo(RunState.SUCCEEDED);
                assertThat(r.dqOutcome()).isEqualTo(DqOutcome.PASSED);
              });
      assertThat(warehouse.sliceTotals("acme_corp")).hasSize(1);
    }
  }

  @Test
  void finalizeArgumentsAreCheckedBeforeAnythingIsBuilt() {
    assertThat(FinalizeMain.run(args())).isEqualTo(2);
    assertThat(FinalizeMain.run(args("--outcome", "DONE"))).isEqualTo(2);
    assertThat(FinalizeMain.run(args("--outcome", "FAILED"))).isEqualTo(2);
    assertThat(ledger.find("acme_corp", runId).orElseThrow().state()).isEqualTo(RunState.ACCEPTED);
  }

  @Test
  void anUnknownRunIsBadInput() {
    String[] args = args("--outcome", "SUCCEEDED");
    args[1] = "2026-10-000000000000000000000000";
    assertThat(FinalizeMain.run(args)).isEqualTo(3);
  }
}
