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
