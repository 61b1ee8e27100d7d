package dev.convergence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convergence.adapters.embedded.warehouse.DuckDbWarehouse;
import dev.convergence.cli.demo.DemoScenario;
import dev.convergence.cli.demo.DemoScenario.DemoRun;
import dev.convergence.cli.local.LocalConvergence;
import dev.convergence.cli.local.LocalDeployment;
import dev.convergence.core.ledger.RunRecord;
import dev.convergence.core.staging.RunManifest;
import dev.convergence.core.staging.StagingJson;
import dev.convergence.core.staging.StagingLayout;
import dev.convergence.core.warehouse.PipelineRun;
import dev.convergence.core.warehouse.SliceTotal;
import dev.convergence.stages.RunSummary;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-command demo end to end on embedded defaults: every run succeeds, the warehouse holds
 * exactly what the sources bill, a second demo changes nothing, a duplicated request starts no run,
 * and the report names every run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoIT {

  static final long ROWS = 3_000;
  static final List<String> TENANTS = List.of("acme_corp", "globex", "initech");

  @TempDir static Path dir;

  static LocalDeployment deployment() {
    return new LocalDeployment(dir.resolve("data"));
  }

  static String[] demo() {
    return new String[] {
      "demo", "--data-dir", deployment().root().toString(), "--rows", String.valueOf(ROWS)
    };
  }

  @Test
  @Order(1)
  void theDemoRunsEveryRequestToSuccessAndTheWarehouseHoldsExactlyTheSourceTotals()
      throws Exception {
    assertThat(Convergence.execute(demo())).isZero();

    List<DemoRun> runs = new DemoScenario(ROWS).runs();
    List<PipelineRun> published = runs();
    assertThat(published).hasSize(runs.size());
    assertThat(published).allSatisfy(r -> assertThat(r.state().toString()).isEqualTo("SUCCEEDED"));

    // Per tenant, provider and period: the warehouse's BilledCost is what ingest counted in the
    // chosen delivery's source files (newest snapshot; every extract row once), to the last digit.
    Map<String, BigDecimal> warehouse = new HashMap<>();
    try (DuckDbWarehouse w = new DuckDbWarehouse(deployment().warehouse(), deployment().store())) {
      for (String tenant : TENANTS) {
        for (SliceTotal total : w.sliceTotals(tenant)) {
          warehouse.merge(
              tenant + "/" + total.provider().wireName() + "/" + total.billingPeriod(),
              total.billedCost(),
              BigDecimal::add);
        }
      }
    }
    // What ingest counted in the chosen delivery, less what the job removed as exact duplicates of
    // overlapping Google Cloud extracts (and rejected, none here), is what the warehouse holds.
    Map<String, BigDecimal> sources = new HashMap<>();
    long duplicates = 0;
    for (PipelineRun run : published) {
      StagingLayout layout = StagingLayout.of(run.tenantId(), run.runId());
      RunManifest manifest =
          StagingJson.read(
              Files.readAllBytes(deployment().store().resolve(layout.manifest())),
              RunManifest.class,
              "manifest");
      RunSummary summary = summary(deployment().store().resolve(layout.summaryOutputPrefix()));
      assertThat(manifest.rejectsAtIngest().rows()).isZero();
      assertThat(summary.rejects().rows()).isZero();
      duplicates += summary.duplicateRows().rows();
      sources.merge(
          run.tenantId() + "/" + run.provider().wireName() + "/" + run.billingPeriod(),
          manifest.sourceCost().subtract(summary.duplicateRows().cost()),
          BigDecimal::add);
    }
    assertThat(duplicates).as("overlapping Google Cloud extracts were deduplicated").isPositive();
    assertThat(warehouse.keySet()).isEqualTo(sources.keySet()).hasSize(runs.size());
    sources.forEach(
        (slice, cost) -> assertThat(warehouse.get(slice)).as(slice).isEqualByComparingTo(cost));
  }

  @Test
  @Order(2)
  void runningTheDemoAgainChangesNothing() throws Exception {
    List<PipelineRun> before = runs();
    List<SliceTotal> totalsBefore = totals();

    assertThat(Convergence.execute(demo())).isZero();

    assertThat(runs()).isEqualTo(before);
    assertThat(totals()).isEqualTo(totalsBefore);
  }

  @Test
  @Order(3)
  void aDuplicatedRequestStartsNoNewRun() throws Exception {
    LocalConvergence local = new LocalConvergence(deployment(), Clock.systemUTC());
    DemoRun first = new DemoScenario(ROWS).runs().get(0);
    List<RunRecord> before = local.ledger().recentRuns(first.tenantId(), 100);

    local.publishRequest(DemoCommand.request(first), Map.of());
    local.publishRequest(DemoCommand.request(first), Map.of());

    assertThat(local.runWorkflows(what -> {})).isEmpty();
    assertThat(local.ledger().recentRuns(first.tenantId(), 100)).isEqualTo(before);
  }

  @Test
  @Order(4)
  void theReportNamesEveryRun() throws Exception {
    Path report = deployment().reports().resolve("convergence-report.html");
    String html = Files.readString(report);
    for (PipelineRun run : runs()) {
      assertThat(html).contains(run.runId());
    }
    assertThat(html).contains("Acme Corporation", "Globex Ltd", "Initech");
  }

  private static List<PipelineRun> runs() {
    List<PipelineRun> all = new ArrayList<>();
    try (DuckDbWarehouse w = new DuckDbWarehouse(deployment().warehouse(), deployment().store())) {
      for (String tenant : TENANTS) {
        all.addAll(w.pipelineRuns(tenant));
      }
    }
    return all;
  }

  private static List<SliceTotal> totals() {
    List<SliceTotal> all = new ArrayList<>();
    try (DuckDbWarehouse w = new DuckDbWarehouse(deployment().warehouse(), deployment().store())) {
      for (String tenant : TENANTS) {
        all.addAll(w.sliceTotals(tenant));
      }
    }
    return all;
  }

  private static RunSummary summary(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      Path file =
          files.filter(f -> f.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
      return RunSummary.parse(Files.readString(file).trim(), file.toString());
    }
  }
}
