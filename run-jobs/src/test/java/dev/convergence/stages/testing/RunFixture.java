package dev.convergence.stages.testing;

import dev.convergence.adapters.embedded.bus.InProcessEventBus;
import dev.convergence.adapters.embedded.store.LocalDirectoryObjectStore;
import dev.convergence.adapters.embedded.warehouse.DuckDbWarehouse;
import dev.convergence.core.ledger.Admission;
import dev.convergence.core.ledger.LedgerSettings;
import dev.convergence.core.ledger.ObjectStoreRunLedger;
import dev.convergence.core.pipeline.PipelineCatalog;
import dev.convergence.core.pipeline.StaticPipelineCatalog;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.quality.QualityReport;
import dev.convergence.core.quality.RuleName;
import dev.convergence.core.quality.RuleResult;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.request.RunOptions;
import dev.convergence.core.request.RunRequest;
import dev.convergence.core.request.RunRequestValidator;
import dev.convergence.core.request.Trigger;
import dev.convergence.core.staging.StagingJson;
import dev.convergence.core.staging.StagingLayout;
import dev.convergence.core.tenant.Plan;
import dev.convergence.core.tenant.StaticTenantRegistry;
import dev.convergence.core.testing.Fixtures;
import dev.convergence.core.testing.MutableClock;
import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.FocusRow;
import dev.convergence.focus.SourceContext;
import dev.convergence.focus.aws.AwsCurReader;
import dev.convergence.focus.synth.GeneratorSettings;
import dev.convergence.focus.synth.SyntheticBillingGenerator;
import dev.convergence.stages.StageRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One machine's pipeline around the publish and finalize stages, all real: a local-directory store,
 * the object-store run ledger on it, a DuckDB warehouse file, the in-process bus, and a clock the
 * test moves. Runs are admitted through the ledger and their staged output is written as the
 * processing job writes it, from FOCUS rows the real AWS reader converted from generated data.
 */
public final class RunFixture implements AutoCloseable {

  public static final String TENANT = "acme_corp";
  public static final String PIPELINE = "aws-cur";
  public static final BillingPeriod OCTOBER = BillingPeriod.of(2026, 10);

  public final MutableClock clock = MutableClock.at("2026-11-02T08:00:00Z");
  public final LocalDirectoryObjectStore store;
  public final ObjectStoreRunLedger ledger;
  public final DuckDbWarehouse warehouse;
  public final InProcessEventBus bus = new InProcessEventBus();
  public final PipelineCatalog pipelines = StaticPipelineCatalog.of(List.of(Fixtures.AWS_CUR));
  private final StagedOutput staged;
  private final Path source;

  public RunFixture(Path dir) {
    try {
      Path root = dir.resolve("store");
      store = new LocalDirectoryObjectStore(root);
      // Starter: one run at a time, so whether a slot was freed shows in the next admission.
      ledger =
          new ObjectStoreRunLedger(
              store,
              new RunRequestValidator(
                  StaticTenantRegistry.of(List.of(Fixtures.tenant(TENANT, Plan.STARTER))),
                  pipelines),
              clock,
              LedgerSettings.DEFAULT);
      warehouse = new DuckDbWarehouse(dir.resolve("warehouse/convergence.duckdb"), root);
      staged = new StagedOutput(Files.createDirectories(dir.resolve("scratch")));
      source =
          SyntheticBillingGenerator.generate(
                  new GeneratorSettings(Provider.AWS, OCTOBER, 120, 4, 1, 2, dir.resolve("gen")))
              .get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Admits a run for {@code requestId}; returns the stages' request for it. */
  public StageRequest admit(String requestId) {
    Admission admission =
        ledger.admit(
            new RunRequest(
                TENANT,
                PIPELINE,
                OCTOBER,
                Trigger.MANUAL,
                Optional.empty(),
                Optional.of(requestId),
                RunOptions.DEFAULT));
    if (!(admission instanceof Admission.Admitted admitted)) {
      throw new IllegalStateException("not admitted: " + admission);
    }
    return StageRequest.of(admitted.run().runId(), TENANT, PIPELINE, OCTOBER);
  }

  /** Whether a new run of the tenant is admitted now (the starter plan allows one at a time). */
  public boolean admits(String requestId) {
    return ledger.admit(
            new RunRequest(
                TENANT,
                PIPELINE,
                OCTOBER,
                Trigger.MANUAL,
                Optional.empty(),
                Optional.of(requestId),
                RunOptions.DEFAULT))
        instanceof Admission.Admitted;
  }

  /** The generated source's FOCUS rows, as the job converts them for {@code run}. */
  public List<FocusRow> rows(String run) {
    List<FocusRow> rows = new ArrayList<>();
    try (ConversionStream stream =
        AwsCurReader.open(
            Files.newInputStream(source),
            new SourceContext(TENANT, run, "k.csv", "2026-10-30T06:00:00Z"))) {
      stream.drain(rows::add, r -> {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /**
   * Writes the run's staged output: the first {@code limit} FOCUS rows (in two part files), one
   * daily line, the given anomalies, and the job's summary counting them, with {@code rejects}
   * rejected records.
   *
   * @return the FOCUS rows staged
   */
  public List<FocusRow> stage(
      StageRequest run, int limit, long rejects, List<StagedOutput.Anomaly> anomalies) {
    StagingLayout layout = run.layout();
    List<FocusRow> all = rows(run.runId());
    List<FocusRow> rows = all.subList(0, Math.min(limit, all.size()));
    int half = rows.size() / 2;
    staged.focusRows(store, layout.focusOutputPrefix() + "part-0-0.parquet", rows.subList(0, half));
    staged.focusRows(
        store, layout.focusOutputPrefix() + "part-1-0.parquet", rows.subList(half, rows.size()));
    staged.daily(
        store,
        layout.dailyOutputPrefix() + "part-0-0.parquet",
        List.of(
            new StagedOutput.Daily(
                TENANT,
                run.runId(),
                rows.get(0).billingAccountId(),
                "AmazonEC2",
                java.time.LocalDate.of(2026, 10, 1),
                billedCost(rows),
                rows.size())));
    if (!anomalies.isEmpty()) {
      staged.anomalies(store, layout.anomaliesOutputPrefix() + "part-0-0.parquet", anomalies);
    }
    StagedOutput.summary(
        store,
        layout.summaryOutputPrefix() + "part-0-0.json",
        TENANT,
        run.runId(),
        rows.size(),
        billedCost(rows),
        rejects,
        BigDecimal.ZERO,
        0,
        BigDecimal.ZERO,
        1,
        anomalies.size(),
        anomalies.stream()
            .map(StagedOutput.Anomaly::effectiveCost)
            .reduce(BigDecimal.ZERO, BigDecimal::add));
    return rows;
  }

  /** Writes {@code check/dq-results.json}: every rule passed, but for the {@code failed} ones. */
  public QualityReport check(StageRequest run, RuleName... failed) {
    List<RuleResult> results = new ArrayList<>();
    for (RuleName rule : RuleName.values()) {
      boolean fails = List.of(failed).contains(rule);
      results.add(
          fails
              ? RuleResult.fail(
                  rule, rule.defaultSeverity(), "1", "0", rule.wireName() + " failed on purpose")
              : RuleResult.pass(rule, rule.defaultSeverity(), "0", "0", rule.wireName() + " held"));
    }
    QualityReport report =
        QualityReport.of(
            run.runId(), TENANT, PIPELINE, OCTOBER, results, Instant.parse("2026-11-02T08:30:00Z"));
    store.put(run.layout().dqResults(), StagingJson.write(report));
    return report;
  }

  public static BigDecimal billedCost(List<FocusRow> rows) {
    return rows.stream().map(FocusRow::billedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Override
  public void close() {
    warehouse.close();
  }
}
