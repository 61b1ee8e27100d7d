package dev.convergence.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.store.ObjectStoreException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StageMainTest {

  @Test
  void failuresMapToTheDocumentedExitCodes() {
    assertThat(StageMain.execute("t", () -> {})).isEqualTo(0);
    assertThat(StageMain.execute("t", fail(StageError.QUALITY_FAILED))).isEqualTo(4);
    assertThat(StageMain.execute("t", fail(StageError.NO_SOURCE_FILES))).isEqualTo(3);
    assertThat(StageMain.execute("t", fail(StageError.INVALID_ARGUMENT))).isEqualTo(2);
    assertThat(StageMain.execute("t", fail(StageError.INCOMPLETE_DELIVERY))).isEqualTo(75);
    assertThat(
            StageMain.execute(
                "t",
                () -> {
                  throw new ObjectStoreException("store down");
                }))
        .isEqualTo(75);
    assertThat(
            StageMain.execute(
                "t",
                () -> {
                  throw new IllegalStateException("bug");
                }))
        .isEqualTo(70);
  }

  @Test
  void missingArgumentsAreAllNamedWithTheirVariables() {
    StageMain.Arguments arguments = new StageMain.Arguments();
    new CommandLine(arguments).parseArgs("--run-id", "2026-10-run1", "--billing-period", "2026-13");
    assertThatThrownBy(() -> arguments.options.request())
        .isInstanceOfSatisfying(
            StageException.class, e -> assertThat(e.error()).isEqualTo(StageError.INVALID_ARGUMENT))
        .hasMessage(
            "--tenant: is required (or set CONVERGENCE_TENANT_ID); --pipeline: is required (or"
                + " set CONVERGENCE_PIPELINE); --billing-period: must be a month as YYYY-MM (for"
                + " example 2026-11); got \"2026-13\"");
  }

  @Test
  void argumentsMakeTheRequest() {
    StageMain.Arguments arguments = new StageMain.Arguments();
    new CommandLine(arguments)
        .parseArgs(
            "--run-id", "2026-10-run1",
            "--tenant", "acme_corp",
            "--pipeline", "aws-cur",
            "--billing-period", "2026-10",
            "--source", "landing/acme_corp/aws/cur/",
            "--config", "/etc/convergence",
            "--store", "gs://acme-staging");
    assertThat(arguments.options.request())
        .isEqualTo(
            new StageRequest(
                "2026-10-run1",
                "acme_corp",
                "aws-cur",
                BillingPeriod.of(2026, 10),
                Optional.of("landing/acme_corp/aws/cur/"),
                Optional.empty()));
    assertThat(arguments.options.settings().bucket()).isEqualTo("acme-staging");
  }

  @Test
  void finalizeNamesEveryProblemWithItsOutcome() {
    StageMain.Arguments arguments = new StageMain.Arguments();
    new CommandLine(arguments)
        .parseArgs(
            "--run-id", "2026-10-run1",
            "--tenant", "acme_corp",
            "--pipeline", "aws-cur",
            "--billing-period", "2026-10",
            "--outcome", "SUCCEEDED",
            "--failed-step", "check",
            "--error", "boom");
    assertThatThrownBy(() -> arguments.options.finalizeRequest())
        .isInstanceOfSatisfying(
            StageException.class, e -> assertThat(e.error()).isEqualTo(StageError.INVALID_ARGUMENT))
        .hasMessage(
            "--failed-step: goes with --outcome FAILED only; --error: goes with --outcome FAILED"
                + " only");

    StageMain.Arguments failed = new StageMain.Arguments();
    new CommandLine(failed)
        .parseArgs(
            "--run-id", "2026-10-run1",
            "--tenant", "acme_corp",
            "--pipeline", "aws-cur",
            "--billing-period", "2026-10",
            "--outcome", "FAILED",
            "--failed-step", "processing");
    assertThatThrownBy(() -> failed.options.finalizeRequest())
        .hasMessage(
            "--failed-step: must be one of ingest, process, check, publish, finalize; got"
                + " 'processing'");
  }

  @Test
  void finalizeArgumentsMakeTheRequest() {
    StageMain.Arguments arguments = new StageMain.Arguments();
    new CommandLine(arguments)
        .parseArgs(
            "--run-id", "2026-10-run1",
            "--tenant", "acme_corp",
            "--pipeline", "aws-cur",
            "--billing-period", "2026-10",
            "--outcome", "FAILED",
            "--failed-step", "check",
            "--error", "critical data-quality rules failed");
    assertThat(arguments.options.finalizeRequest())
        .isEqualTo(
            dev.convergence.stages.finalize.FinalizeRequest.failed(
                StageRequest.of("2026-10-run1", "acme_corp", "aws-cur", BillingPeriod.of(2026, 10)),
                "check",
                "critical data-quality rules failed"));
  }

  @Test
  void theWarehouseMustFitTheStore() {
    StageMain.Arguments duckdb = new StageMain.Arguments();
    new CommandLine(duckdb)
        .parseArgs(
            "--config", "/etc/convergence",
            "--store", "gs://acme-staging",
            "--warehouse", "duckdb:/data/w.duckdb");
    assertThatThrownBy(() -> duckdb.options.settings())
        .hasMessage(
            "--warehouse: a duckdb: warehouse reads the staged Parquet from a local --store; got"
                + " gs://acme-staging");

    StageMain.Arguments bigquery = new StageMain.Arguments();
    new CommandLine(bigquery)
        .parseArgs(
            "--config", "/etc/convergence",
            "--store", "gs://acme-staging",
            "--warehouse", "bigquery:acme-prod");
    assertThatThrownBy(() -> bigquery.options.settings())
        .hasMessage("--bigquery-location: is required (or set CONVERGENCE_REGION)");

    StageMain.Arguments wrong = new StageMain.Arguments();
    new CommandLine(wrong)
        .parseArgs("--config", "/etc/convergence", "--store", "/data", "--warehouse", "postgres:x");
    assertThatThrownBy(() -> wrong.options.settings())
        .hasMessage(
            "--warehouse: must be duckdb:/path/file.duckdb or bigquery:PROJECT; got 'postgres:x'");

    StageMain.Arguments good = new StageMain.Arguments();
    new CommandLine(good)
        .parseArgs(
            "--config", "/etc/convergence",
            "--store", "gs://acme-staging",
            "--warehouse", "bigquery:acme-prod",
            "--bigquery-location", "europe-west1",
            "--task-attempt", "2");
    StageSettings settings = good.options.settings();
    assertThat(settings.bigQueryProject()).contains("acme-prod");
    assertThat(settings.taskAttempt()).isEqualTo(3);
    assertThat(settings.ledgerLocation()).isEqualTo("gs://acme-staging");

    StageMain.Arguments local = new StageMain.Arguments();
    new CommandLine(local)
        .parseArgs(
            "--config", "/etc/convergence",
            "--store", "/data/store",
            "--ledger", "/data/ledger",
            "--warehouse", "duckdb:/data/w.duckdb");
    StageSettings embedded = local.options.settings();
    assertThat(embedded.duckDbFile()).contains(java.nio.file.Path.of("/data/w.duckdb"));
    assertThat(embedded.bigQueryProject()).isEmpty();
    assertThat(embedded.ledgerLocation()).isEqualTo("/data/ledger");
    assertThat(embedded.taskAttempt()).isEqualTo(1);
  }

  @Test
  void aBadArgumentExitsWithTheUsageCode() {
    assertThat(StageMain.run("ingest", new String[] {"--no-such-option"}, (c, r) -> {}))
        .isEqualTo(2);
  }

  private static Runnable fail(StageError error) {
    return () -> {
      throw new StageException(error, "x");
    };
  }
}
