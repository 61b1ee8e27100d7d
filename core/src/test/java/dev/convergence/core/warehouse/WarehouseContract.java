package dev.convergence.core.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.core.ledger.RunState;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.quality.Severity;
import dev.convergence.core.request.BillingPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Warehouse} promises, run against a real one: slices replaced whole and alone,
 * publishing idempotent, the operations tables upserted. Each implementation's test extends this
 * class, supplies a fresh warehouse and a way to stage Parquet where that warehouse reads it.
 */
public abstract class WarehouseContract {

  protected static final BillingPeriod NOV = BillingPeriod.of(2026, 11);
  protected static final BillingPeriod OCT = BillingPeriod.of(2026, 10);

  protected Warehouse warehouse;

  /** A new warehouse with no data. */
  protected abstract Warehouse newWarehouse() throws Exception;

  /** Writes {@code rows} as staged Parquet part files where the warehouse reads them. */
  protected abstract StagedOutput stage(StagedRows rows) throws Exception;

  /**
   * Every row of a table, each rendered as one line of text (column values in catalogue order),
   * sorted: two tables with equal lists hold the same rows.
   */
  protected abstract List<String> tableRows(String dataset, TableSchema table) throws Exception;

  @BeforeEach
  void openWarehouse() throws Exception {
    warehouse = newWarehouse();
  }

  protected PublishResult publish(StagedRows rows, String tenant, Provider provider)
      throws Exception {
    BillingPeriod period = rows.focus().get(0).period();
    return warehouse.publish(new Publication(tenant, rows.runId(), provider, period, stage(rows)));
  }

  private static SliceTotal total(
      Provider provider, String account, BillingPeriod period, long rows, String cost) {
    return new SliceTotal(
        provider, account, period, rows, new BigDecimal(cost).setScale(ColumnType.DECIMAL_SCALE));
  }

  private List<List<String>> tenantTables(String tenant) throws Exception {
    List<List<String>> tables = new ArrayList<>();
    for (TableSchema table : WarehouseTables.TENANT_TABLES) {
      tables.add(tableRows(tenant, table));
    }
    return tables;
  }

  @Test
  void publishesTheSlicesOfTheStagedAccountsWithExactTotals() throws Exception {
    StagedRows bill =
        StagedRows.bill("acme_corp", "run-1", Provider.AWS, NOV, List.of("111", "222"), 3, "10.5");

    PublishResult result = publish(bill, "acme_corp", Provider.AWS);

    assertThat(result)
        .isEqualTo(
            new PublishResult(
                List.of(
                    new Slice("acme_corp", Provider.AWS, "111", NOV),
                    new Slice("acme_corp", Provider.AWS, "222", NOV)),
                6,
                6,
                2));
    // 10.51 + 10.52 + 10.53, and the same plus 1 a row for the second account.
    assertThat(warehouse.sliceTotals("acme_corp"))
        .containsExactly(
            total(Provider.AWS, "111", NOV, 3, "31.56"),
            total(Provider.AWS, "222", NOV, 3, "34.56"));
    assertThat(tableRows("acme_corp", WarehouseTables.DAILY_COSTS)).hasSize(6);
    assertThat(tableRows("acme_corp", WarehouseTables.COST_ANOMALIES)).hasSize(2);
  }

  @Test
  void aTenantWithNothingPublishedHasNoTotalsAndNoRuns() {
    assertThat(warehouse.sliceTotals("nobody_yet")).isEmpty();
    assertThat(warehouse.pipelineRuns("nobody_yet")).isEmpty();
  }

  @Test
  void publishingTheSameStagedOutputTwiceGivesIdenticalTables() throws Exception {
    StagedRows bill =
        StagedRows.bill("acme_corp", "run-1", Provider.AWS, NOV, List.of("111", "222"), 4, "3.25");
    publish(bill, "acme_corp", Provider.AWS);
    List<List<String>> once = tenantTables("acme_corp");

    publish(bill, "acme_corp", Provider.AWS);

    assertThat(tenantTables("acme_corp")).isEqualTo(once);
    assertThat(once.get(0)).hasSize(8);
  }

  @Test
  void aRestatedBillReplacesItsSliceAndNothingElse() throws Exception {
    publish(
        StagedRows.bill("acme_corp", "nov-1", Provider.AWS, NOV, List.of("111", "222"), 3, "10"),
        "acme_corp",
        Provider.AWS);
    publish(
        StagedRows.bill("acme_corp", "oct-1", Provider.AWS, OCT, List.of("111"), 2, "7"),
        "acme_corp",
        Provider.AWS);
    publish(
        StagedRows.bill("acme_corp", "gcp-1", Provider.GCP, NOV, List.of("111"), 2, "5"),
        "acme_corp",
        Provider.GCP);
    publish(
        StagedRows.bill("quiet_co", "q-1", Provider.AWS, NOV, List.of("111"), 2, "1"),
        "quiet_co",
        Provider.AWS);
    List<String> quietBefore = tableRows("quiet_co", WarehouseTables.FOCUS_COSTS);

    // The restated November bill of account 111 only: more days, new costs, no anomalies.
    StagedRows restated =
        StagedRows.bill("acme_corp", "nov-2", Provider.AWS, NOV, List.of("111"), 5, "20")
            .withoutAnomalies();
    PublishResult result = publish(restated, "acme_corp", Provider.AWS);

    assertThat(result.slices()).containsExactly(new Slice("acme_corp", Provider.AWS, "111", NOV));
    assertThat(warehouse.sliceTotals("acme_corp"))
        .containsExactly(
            total(Provider.AWS, "111", OCT, 2, "14.03"),
            total(Provider.AWS, "111", NOV, 5, "100.15"),
            total(Provider.AWS, "222", NOV, 3, "33.06"),
            total(Provider.GCP, "111", NOV, 2, "10.03"));
    assertThat(tableRows("quiet_co", WarehouseTables.FOCUS_COSTS)).isEqualTo(quietBefore);
    // The slice's daily rows are the restated ones; its old anomaly is gone with it.
    assertThat(tableRows("acme_corp", WarehouseTables.DAILY_COSTS))
        .filteredOn(row -> row.contains("nov-2"))
        .hasSize(5);
    assertThat(tableRows("acme_corp", WarehouseTables.DAILY_COSTS))
        .filteredOn(row -> row.contains("nov-1") && row.contains("|111|"))
        .isEmpty();
    assertThat(tableRows("acme_corp", WarehouseTables.COST_ANOMALIES))
        .hasSize(3)
        .noneMatch(row -> row.contains("nov-1") && row.contains("|111|"));
  }

  @Test
  void stagedRowsOfAnotherTenantAreRefusedAndNothingChanges() throws Exception {
    publish(
        StagedRows.bill("acme_corp", "nov-1", Provider.AWS, NOV, List.of("111"), 2, "10"),
        "acme_corp",
        Provider.AWS);
    List<SliceTotal> before = warehouse.sliceTotals("acme_corp");
    StagedRows foreign =
        StagedRows.bill("quiet_co", "nov-2", Provider.AWS, NOV, List.of("111"), 2, "99");

    assertThatThrownBy(() -> publish(foreign, "acme_corp", Provider.AWS))
        .isInstanceOf(WarehouseException.class)
        .hasMessage(
            "run nov-2 cannot publish acme_corp/aws/2026-11: 2 staged focus_costs row(s) have"
                + " tenant 'quiet_co', not 'acme_corp'; 2 staged daily_costs row(s) have tenant"
                + " 'quiet_co', not 'acme_corp'; 1 staged cost_anomalies row(s) have tenant"
                + " 'quiet_co', not 'acme_corp'")
        .extracting(e -> ((WarehouseException) e).reason())
        .isEqualTo(WarehouseException.Reason.STAGED_DATA_MISMATCH);
    assertThat(warehouse.sliceTotals("acme_corp")).isEqualTo(before);
  }

  @Test
  void stagedRowsOfAnotherPeriodOrProviderAreRefused() throws Exception {
    StagedRows october =
        StagedRows.bill("acme_corp", "r-1", Provider.AWS, OCT, List.of("111"), 1, "1")
            .withoutAnomalies();
    StagedOutput staged = stage(october);

    assertThatThrownBy(
            () -> warehouse.publish(new Publication("acme_corp", "r-1", Provider.GCP, NOV, staged)))
        .isInstanceOf(WarehouseException.class)
        .hasMessage(
            "run r-1 cannot publish acme_corp/gcp/2026-11: 1 staged focus_costs row(s) have"
                + " provider 'aws', not 'gcp'; 1 staged focus_costs row(s) have billing period"
                + " start 2026-10-01T00:00:00Z, not 2026-11-01T07:00:00Z; 1 staged daily_costs"
                + " row(s) have provider 'aws', not 'gcp'; 1 staged daily_costs row(s) have"
                + " billing period start 2026-10-01T00:00:00Z, not 2026-11-01T07:00:00Z");
    assertThat(warehouse.sliceTotals("acme_corp")).isEmpty();
  }

  @Test
  void pipelineRunsAreUpsertedByRunId() {
    Instant start = Instant.parse("2026-12-01T02:00:00.123456789Z");
    PipelineRun started =
        PipelineRun.started("run-b", "acme_corp", Provider.AWS, "aws-cur", NOV, start);
    PipelineRun other =
        PipelineRun.started(
            "run-a", "acme_corp", Provider.GCP, "gcp-billing", OCT, start.plusSeconds(60));
    PipelineRun elsewhere =
        PipelineRun.started("run-c", "quiet_co", Provider.AWS, "aws-cur", NOV, start);
    warehouse.recordRun(started);
    warehouse.recordRun(other);
    warehouse.recordRun(elsewhere);

    PipelineRun finished =
        new PipelineRun(
            "run-b",
            "acme_corp",
            Provider.AWS,
            "aws-cur",
            NOV,
            RunState.SUCCEEDED,
            start,
            start.plusSeconds(300),
            1234L,
            new BigDecimal("98765.432100000000000001"),
            2L,
            DqOutcome.WARNINGS,
            3L,
            null,
            null);
    warehouse.recordRun(finished);
    warehouse.recordRun(finished);

    assertThat(warehouse.pipelineRuns("acme_corp")).containsExactly(finished, other);
    assertThat(finished.startedAt()).isEqualTo(Instant.parse("2026-12-01T02:00:00.123456Z"));
    assertThat(warehouse.pipelineRuns("quiet_co")).containsExactly(elsewhere);
  }

  @Test
  void stepLogsAreUpsertedByRunStepAndAttempt() throws Exception {
    Instant at = Instant.parse("2026-12-01T02:00:00Z");
    warehouse.recordStep(new StepLog("run-1", "publish", 1, StepState.RUNNING, at, null, null));
    warehouse.recordStep(
        new StepLog(
            "run-1", "publish", 1, StepState.FAILED, at, at.plusSeconds(5), "quota exceeded"));
    warehouse.recordStep(
        new StepLog(
            "run-1",
            "publish",
            2,
            StepState.SUCCEEDED,
            at.plusSeconds(60),
            at.plusSeconds(70),
            null));
    warehouse.recordStep(
        new StepLog(
            "run-1",
            "publish",
            2,
            StepState.SUCCEEDED,
            at.plusSeconds(60),
            at.plusSeconds(70),
            null));

    assertThat(tableRows(WarehouseTables.OPS_DATASET, WarehouseTables.STEP_LOGS))
        .containsExactly(
            "run-1|publish|1|failed|2026-12-01T02:00:00Z|2026-12-01T02:00:05Z|quota exceeded",
            "run-1|publish|2|succeeded|2026-12-01T02:01:00Z|2026-12-01T02:01:10Z|null");
  }

  @Test
  void dqResultsOfARunAreReplacedWhole() throws Exception {
    Instant at = Instant.parse("2026-12-01T02:00:00Z");
    DqResult rows =
        new DqResult(
            "run-1",
            "acme_corp",
            "row_conservation",
            Severity.CRITICAL,
            true,
            "10",
            "10",
            "every row accounted for",
            at);
    DqResult currency =
        new DqResult(
            "run-1",
            "acme_corp",
            "currency_per_account",
            Severity.WARNING,
            false,
            "2",
            "1",
            "account 111 bills in 2 currencies",
            at);
    DqResult otherRun =
        new DqResult(
            "run-2", "acme_corp", "row_conservation", Severity.CRITICAL, true, "5", "5", "ok", at);
    warehouse.recordDqResults("run-2", List.of(otherRun));
    warehouse.recordDqResults("run-1", List.of(rows, currency));
    warehouse.recordDqResults("run-1", List.of(rows));

    assertThat(tableRows(WarehouseTables.OPS_DATASET, WarehouseTables.DQ_RESULTS))
        .containsExactly(
            "run-1|acme_corp|row_conservation|critical|true|10|10|every row accounted for"
                + "|2026-12-01T02:00:00Z",
            "run-2|acme_corp|row_conservation|critical|true|5|5|ok|2026-12-01T02:00:00Z");
    assertThatThrownBy(() -> warehouse.recordDqResults("run-3", List.of(rows)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dq results: every result must be of run run-3; got one of run-1");
  }

  @Test
  void concurrentPublishesOfDifferentSlicesAllLand() throws Exception {
    List<StagedRows> bills = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      bills.add(
          StagedRows.bill(
              "acme_corp", "run-" + i, Provider.AWS, NOV, List.of("acct-" + i), 2, "" + i));
    }
    List<StagedOutput> staged = new ArrayList<>();
    for (StagedRows bill : bills) {
      staged.add(stage(bill));
    }
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<PublishResult>> results = new ArrayList<>();
    for (int i = 0; i < bills.size(); i++) {
      Publication publication =
          new Publication("acme_corp", "run-" + i, Provider.AWS, NOV, staged.get(i));
      results.add(pool.submit(() -> warehouse.publish(publication)));
    }
    for (Future<PublishResult> result : results) {
      assertThat(result.get(60, TimeUnit.SECONDS).focusRows()).isEqualTo(2);
    }
    pool.shutdown();

    List<SliceTotal> totals = warehouse.sliceTotals("acme_corp");
    assertThat(totals).hasSize(6);
    for (int i = 0; i < 6; i++) {
      assertThat(totals.get(i))
          .isEqualTo(total(Provider.AWS, "acct-" + i, NOV, 2, (2 * i) + ".03"));
    }
  }

  @Test
  void readersSeeTheOldSliceOrTheNewOneNeverAMix() throws Exception {
    StagedRows v1 =
        StagedRows.bill("acme_corp", "v1", Provider.AWS, NOV, List.of("111", "222"), 3, "1");
    StagedRows v2 =
        StagedRows.bill("acme_corp", "v2", Provider.AWS, NOV, List.of("111", "222"), 5, "2");
    Publication first = new Publication("acme_corp", "v1", Provider.AWS, NOV, stage(v1));
    Publication second = new Publication("acme_corp", "v2", Provider.AWS, NOV, stage(v2));
    warehouse.publish(first);
    List<SliceTotal> old = warehouse.sliceTotals("acme_corp");
    warehouse.publish(second);
    List<SliceTotal> restated = warehouse.sliceTotals("acme_corp");
    assertThat(old).isNotEqualTo(restated);

    AtomicBoolean publishing = new AtomicBoolean(true);
    ConcurrentLinkedQueue<List<SliceTotal>> seen = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<?> reader =
        pool.submit(
            () -> {
              while (publishing.get()) {
                seen.add(warehouse.sliceTotals("acme_corp"));
              }
            });
    for (int i = 0; i < 10; i++) {
      warehouse.publish(i % 2 == 0 ? first : second);
    }
    publishing.set(false);
    reader.get(60, TimeUnit.SECONDS);
    pool.shutdown();

    assertThat(seen).isNotEmpty().allMatch(totals -> totals.equals(old) || totals.equals(restated));
  }

  @Test
  void aDayOfAnotherMonthInTheRightPeriodIsStillTheSlice() throws Exception {
    // A charge on the first of December billed in November stays in November's slice.
    StagedRows.Focus late =
        new StagedRows.Focus(
            "acme_corp",
            "r-1",
            Provider.AWS,
            "111",
            NOV,
            LocalDate.of(2026, 12, 1),
            "Support",
            new BigDecimal("0.000000000000000001"),
            1);
    StagedRows rows = new StagedRows("r-1", List.of(late), List.of(), List.of());

    publish(rows, "acme_corp", Provider.AWS);

    assertThat(warehouse.sliceTotals("acme_corp"))
        .containsExactly(total(Provider.AWS, "111", NOV, 1, "0.000000000000000001"));
  }
}
