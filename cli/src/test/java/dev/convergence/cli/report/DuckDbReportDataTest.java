package dev.convergence.cli.report;

import static dev.convergence.cli.report.WarehouseFixture.ACME;
import static dev.convergence.cli.report.WarehouseFixture.ACME_FAILED;
import static dev.convergence.cli.report.WarehouseFixture.ACME_OK;
import static dev.convergence.cli.report.WarehouseFixture.AWS_ACCOUNT;
import static dev.convergence.cli.report.WarehouseFixture.AWS_SUB;
import static dev.convergence.cli.report.WarehouseFixture.AWS_SUB_2;
import static dev.convergence.cli.report.WarehouseFixture.HOSTILE_SERVICE;
import static dev.convergence.cli.report.WarehouseFixture.IDLE;
import static dev.convergence.cli.report.WarehouseFixture.NOW;
import static dev.convergence.cli.report.WarehouseFixture.TOKYO;
import static dev.convergence.cli.report.WarehouseFixture.TOKYO_OK;
import static dev.convergence.cli.report.WarehouseFixture.TOKYO_RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.core.ledger.RunState;
import dev.convergence.core.quality.Severity;
import dev.convergence.core.warehouse.DqOutcome;
import dev.convergence.core.warehouse.DqResult;
import dev.convergence.core.warehouse.PipelineRun;
import dev.convergence.core.warehouse.StepLog;
import dev.convergence.core.warehouse.StepState;
import dev.convergence.core.warehouse.WarehouseException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbReportDataTest {

  @TempDir static Path directory;

  private static Path file;
  private static ReportData data;

  @BeforeAll
  static void buildWarehouse() throws Exception {
    file = WarehouseFixture.build(directory);
    data = new DuckDbReportData(file).read(WarehouseFixture.DISPLAY_NAMES, NOW);
  }

  /** An amount as the warehouse holds it: DECIMAL(38, 18), exact. */
  private static BigDecimal exact(String amount) {
    return new BigDecimal(amount).setScale(18);
  }

  private static TenantReport tenant(String id) {
    return data.tenants().stream().filter(t -> t.tenantId().equals(id)).findFirst().orElseThrow();
  }

  private static BigDecimal total(List<DailyCost> costs, Function<DailyCost, BigDecimal> amount) {
    return costs.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void everyTenantWithDataOrConfigurationIsReportedByIdWithItsDisplayName() {
    assertThat(data.generatedAt()).isEqualTo(NOW);
    assertThat(data.tenants())
        .extracting(TenantReport::tenantId, TenantReport::displayName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ACME, "Acme & Sons <Zürich>"),
            org.assertj.core.groups.Tuple.tuple(IDLE, "Idle Co"),
            org.assertj.core.groups.Tuple.tuple(TOKYO, "東京 Labs"));
    assertThat(tenant(IDLE).isEmpty()).isTrue();
  }

  @Test
  void aTenantMissingFromTheConfigurationIsShownByItsId() {
    ReportData unnamed = new DuckDbReportData(file).read(Map.of(), NOW);

    assertThat(unnamed.tenants())
        .extracting(TenantReport::tenantId, TenantReport::displayName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ACME, ACME),
            org.assertj.core.groups.Tuple.tuple(TOKYO, TOKYO));
  }

  @Test
  void dailyCostsAreExactSumsPerDayAndSeries() {
    List<DailyCost> acme = tenant(ACME).dailyCosts();

    // 10 days × 4 series (AWS Support's two cost centres are one series).
    assertThat(acme).hasSize(40);
    assertThat(total(acme, DailyCost::billedCost)).isEqualTo(exact("1548.85"));
    assertThat(total(acme, DailyCost::effectiveCost)).isEqualTo(exact("1448.85"));
    assertThat(acme)
        .filteredOn(c -> c.chargeDay().equals(LocalDate.of(2026, 10, 9)))
        .containsExactly(
            new DailyCost(
                LocalDate.of(2026, 10, 9),
                "aws",
                AWS_ACCOUNT,
                AWS_SUB,
                "AWS Support",
                "USD",
                exact("3.50"),
                exact("3.50")),
            new DailyCost(
                LocalDate.of(2026, 10, 9),
                "aws",
                AWS_ACCOUNT,
                AWS_SUB,
                "Amazon EC2",
                "USD",
                exact("400.40"),
                exact("390.40")),
            new DailyCost(
                LocalDate.of(2026, 10, 9),
                "aws",
                AWS_ACCOUNT,
                AWS_SUB,
                "Amazon S3",
                "USD",
                exact("20.25"),
                exact("20.25")),
            new DailyCost(
                LocalDate.of(2026, 10, 9),
                "aws",
                AWS_ACCOUNT,
                AWS_SUB_2,
                HOSTILE_SERVICE,
                "USD",
                exact("1.005"),
                exact("1.005")));

    List<DailyCost> tokyo = tenant(TOKYO).dailyCosts();
    assertThat(tokyo).hasSize(10).allMatch(c -> c.currency().equals("EUR"));
    assertThat(total(tokyo, DailyCost::billedCost)).isEqualTo(exact("311.70"));
    assertThat(total(tokyo, DailyCost::effectiveCost)).isEqualTo(exact("286.70"));
  }

  @Test
  void costCentresAreSummedPerAllocationBasisLargestFirst() {
    assertThat(tenant(ACME).costCentres())
        .containsExactly(
            new CostCentreCost("platform", "rule", "USD", exact("1301.30"), exact("1201.30")),
            new CostCentreCost("data", "rule", "USD", exact("202.50"), exact("202.50")),
            new CostCentreCost("platform", "proportional", "USD", exact("30.00"), exact("30.00")),
            new CostCentreCost(null, "unallocated", "USD", exact("10.05"), exact("10.05")),
            new CostCentreCost("data", "proportional", "USD", exact("5.00"), exact("5.00")));
    assertThat(tenant(TOKYO).costCentres())
        .containsExactly(
            new CostCentreCost("research", "rule", "EUR", exact("311.70"), exact("286.70")));
  }

  @Test
  void anomaliesAreReadWithTheirExpectedRangeOldestFirst() {
    assertThat(tenant(ACME).anomalies())
        .containsExactly(
            new CostAnomaly(
                LocalDate.of(2026, 10, 9),
                "aws",
                AWS_ACCOUNT,
                AWS_SUB,
                "Amazon EC2",
                "USD",
                exact("390.40"),
                exact("90.10"),
                exact("80.00"),
                exact("100.20"),
                exact("26.5432"),
                "high"),
            new CostAnomaly(
                LocalDate.of(2026, 10, 10),
                "aws",
                AWS_ACCOUNT,
                AWS_SUB_2,
                HOSTILE_SERVICE,
                "USD",
                exact("1.005"),
                exact("0.50"),
                exact("0.40"),
                exact("0.60"),
                exact("3.2000"),
                "low"));
    assertThat(tenant(TOKYO).anomalies()).isEmpty();
  }

  @Test
  void runsComeWithTheirStepsAndDataQualityResultsOldestFirst() {
    List<RunReport> acme = tenant(ACME).runs();

    assertThat(acme).extracting(r -> r.run().runId()).containsExactly(ACME_FAILED, ACME_OK);
    PipelineRun failed = acme.get(0).run();
    assertThat(failed.state()).isEqualTo(RunState.FAILED);
    assertThat(failed.errorStep()).isEqualTo("check");
    assertThat(failed.dqOutcome()).isEqualTo(DqOutcome.FAILED);
    assertThat(failed.billedCost()).isNull();
    assertThat(acme.get(0).steps())
        .extracting(StepLog::step, StepLog::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("admit", StepState.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple("ingest", StepState.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple("process", StepState.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple("check", StepState.FAILED),
            org.assertj.core.groups.Tuple.tuple("finalize", StepState.SUCCEEDED));
    PipelineRun ok = acme.get(1).run();
    assertThat(ok.billedCost()).isEqualTo(exact("1548.85"));
    assertThat(ok.focusRows()).isEqualTo(1234L);
    assertThat(ok.rejectedRows()).isEqualTo(2L);
    assertThat(ok.anomalies()).isEqualTo(2L);
    assertThat(ok.finishedAt()).isEqualTo(WarehouseFixture.T0.plusSeconds(95));
    // Failed rules first.
    assertThat(acme.get(1).dqResults())
        .extracting(DqResult::rule, DqResult::severity, DqResult::passed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("tags_present", Severity.WARNING, false),
            org.assertj.core.groups.Tuple.tuple("totals_reconcile", Severity.CRITICAL, true));

    List<RunReport> tokyo = tenant(TOKYO).runs();
    assertThat(tokyo).extracting(r -> r.run().runId()).containsExactly(TOKYO_OK, TOKYO_RUNNING);
    assertThat(tokyo.get(1).run().state()).isEqualTo(RunState.RUNNING);
    assertThat(tokyo.get(1).steps())
        .extracting(StepLog::step, StepLog::attempt, StepLog::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("admit", 1, StepState.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple("ingest", 1, StepState.FAILED),
            org.assertj.core.groups.Tuple.tuple("ingest", 2, StepState.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple("process", 1, StepState.RUNNING));
    assertThat(data.runs()).hasSize(4);
  }

  @Test
  void theReaderCannotWriteTheWarehouse() throws Exception {
    long before = java.nio.file.Files.size(file);
    new DuckDbReportData(file).read(Map.of(), NOW);

    assertThat(java.nio.file.Files.size(file)).isEqualTo(before);
    assertThat(java.nio.file.Files.exists(file.resolveSibling("warehouse.duckdb.wal"))).isFalse();
  }

  @Test
  void aMissingWarehouseFileIsAStorageFailureNamingThePath() {
    Path missing = directory.resolve("nowhere.duckdb");

    assertThatThrownBy(() -> new DuckDbReportData(missing).read(Map.of(), NOW))
        .isInstanceOf(WarehouseException.class)
        .hasMessageContaining(missing.toString())
        .extracting(e -> ((WarehouseException) e).reason())
        .isEqualTo(WarehouseException.Reason.STORAGE_FAILURE);
    assertThat(missing).doesNotExist();
  }
}
