package dev.convergence.stages;

import dev.convergence.core.request.BillingPeriod;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The arguments every stage takes, each also read from the environment (Cloud Run job executions
 * override arguments or environment variables; either works). An argument wins over the variable.
 */
public final class StageOptions {

  @Option(
      names = "--run-id",
      defaultValue = "${env:CONVERGENCE_RUN_ID}",
      description = "The run id (env CONVERGENCE_RUN_ID).")
  String runId;

  @Option(
      names = "--tenant",
      defaultValue = "${env:CONVERGENCE_TENANT_ID}",
      description = "The tenant id (env CONVERGENCE_TENANT_ID).")
  String tenant;

  @Option(
      names = "--pipeline",
      defaultValue = "${env:CONVERGENCE_PIPELINE}",
      description = "The pipeline name (env CONVERGENCE_PIPELINE).")
  String pipeline;

  @Option(
      names = "--billing-period",
      defaultValue = "${env:CONVERGENCE_BILLING_PERIOD}",
      description = "The billing period, YYYY-MM (env CONVERGENCE_BILLING_PERIOD).")
  String billingPeriod;

  @Option(
      names = "--config",
      defaultValue = "${env:CONVERGENCE_CONFIG_URI}",
      description =
          "The configuration directory (tenants/, pipelines/): a local path or gs://BUCKET/PREFIX/"
              + " (env CONVERGENCE_CONFIG_URI).")
  String config;

  @Option(
      names = "--store",
      defaultValue = "${env:CONVERGENCE_STORE}",
      description =
          "The object store holding landing/ and staging/: a local directory or gs://BUCKET (env"
              + " CONVERGENCE_STORE).")
  String store;

  @Option(
      names = "--source",
      defaultValue = "${env:CONVERGENCE_SOURCE}",
      description =
          "Optional: a prefix under the tenant's landing prefix to read instead of all of it (env"
              + " CONVERGENCE_SOURCE).")
  String source;

  @Option(
      names = "--billing-export-table",
      defaultValue = "${env:CONVERGENCE_BILLING_EXPORT_TABLE}",
      description =
          "For a gcp-billing-export-table pipeline: the table, project.dataset.table (env"
              + " CONVERGENCE_BILLING_EXPORT_TABLE).")
  String billingExportTable;

  /** The validated request; every missing or malformed value is named in one message. */
  public StageRequest request() {
    StringBuilder problems = new StringBuilder();
    require(runId, "--run-id", "CONVERGENCE_RUN_ID", problems);
    require(tenant, "--tenant", "CONVERGENCE_TENANT_ID", problems);
    require(pipeline, "--pipeline", "CONVERGENCE_PIPELINE", problems);
    require(billingPeriod, "--billing-period", "CONVERGENCE_BILLING_PERIOD", problems);
    BillingPeriod period = null;
    if (present(billingPeriod)) {
      try {
        period = BillingPeriod.parse(billingPeriod);
      } catch (IllegalArgumentException e) {
        append(problems, "--billing-period: " + e.getMessage());
      }
    }
    if (problems.length() > 0) {
      throw new StageException(StageError.INVALID_ARGUMENT, problems.toString());
    }
    return new StageRequest(
        runId,
        tenant,
        pipeline,
        period,
        Optional.ofNullable(source).filter(StageOptions::present),
        Optional.ofNullable(billingExportTable).filter(StageOptions::present));
  }

  /** Where the configuration and the store are. */
  public StageSettings settings() {
    StringBuilder problems = new StringBuilder();
    require(config, "--config", "CONVERGENCE_CONFIG_URI", problems);
    require(store, "--store", "CONVERGENCE_STORE", problems);
    if (problems.length() > 0) {
      throw new StageException(StageError.INVALID_ARGUMENT, problems.toString());
    }
    return new StageSettings(config, store);
  }

  private static void require(String value, String option, String variable, StringBuilder out) {
    if (!present(value)) {
      append(out, option + ": is required (or set " + variable + ")");
    }
  }

  private static void append(StringBuilder out, String problem) {
    if (out.length() > 0) {
      out.append("; ");
    }
    out.append(problem);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
