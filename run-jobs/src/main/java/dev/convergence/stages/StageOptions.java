package dev.convergence.stages;

import dev.convergence.core.ledger.RunState;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.stages.finalize.FinalizeRequest;
import java.util.Optional;
import java.util.regex.Pattern;
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

  @Option(
      names = "--ledger",
      defaultValue = "${env:CONVERGENCE_LEDGER}",
      description =
          "Where the run ledger lives, when not in the store: a local directory or gs://BUCKET (env"
              + " CONVERGENCE_LEDGER). Publish and finalize read it.")
  String ledger;

  @Option(
      names = "--warehouse",
      defaultValue = "${env:CONVERGENCE_WAREHOUSE}",
      description =
          "The warehouse publish and finalize write: duckdb:/path/file.duckdb (with a local store)"
              + " or bigquery:PROJECT (with a gs:// store) (env CONVERGENCE_WAREHOUSE).")
  String warehouse;

  @Option(
      names = "--bigquery-location",
      defaultValue = "${env:CONVERGENCE_REGION}",
      description =
          "Where a bigquery: warehouse's datasets are and its jobs run, e.g. europe-west1 (env"
              + " CONVERGENCE_REGION).")
  String bigQueryLocation;

  @Option(
      names = "--project",
      defaultValue = "${env:CONVERGENCE_PROJECT_ID}",
      description =
          "The project of the Pub/Sub topics finalize publishes to; without it, with a local"
              + " store, events go to the in-process bus (env CONVERGENCE_PROJECT_ID).")
  String projectId;

  @Option(
      names = "--pubsub-emulator",
      defaultValue = "${env:PUBSUB_EMULATOR_HOST}",
      description = "Optional: the Pub/Sub emulator's host:port (env PUBSUB_EMULATOR_HOST).")
  String pubSubEmulatorHost;

  @Option(
      names = "--task-attempt",
      defaultValue = "${env:CLOUD_RUN_TASK_ATTEMPT:-0}",
      description =
          "Which retry of the Cloud Run task this is, from 0 (env CLOUD_RUN_TASK_ATTEMPT, set by"
              + " Cloud Run); step_logs records attempt + 1.")
  int taskAttempt;

  @Option(
      names = "--outcome",
      defaultValue = "${env:CONVERGENCE_OUTCOME}",
      description = "finalize: how the run ended, SUCCEEDED or FAILED (env CONVERGENCE_OUTCOME).")
  String outcome;

  @Option(
      names = "--failed-step",
      defaultValue = "${env:CONVERGENCE_FAILED_STEP}",
      description =
          "finalize, with --outcome FAILED: the step that failed, one of "
              + "ingest, process, check, publish, finalize (env CONVERGENCE_FAILED_STEP).")
  String failedStep;

  @Option(
      names = "--error",
      defaultValue = "${env:CONVERGENCE_ERROR}",
      description = "finalize, with --outcome FAILED: why the step failed (env CONVERGENCE_ERROR).")
  String error;

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

  /**
   * The finalize stage's request: the run, and how it ended. {@code --failed-step} and {@code
   * --error} go with {@code FAILED} only, and a failure names its step.
   */
  public FinalizeRequest finalizeRequest() {
    StringBuilder problems = new StringBuilder();
    StageRequest run = null;
    try {
      run = request();
    } catch (StageException e) {
      append(problems, e.getMessage());
    }
    require(outcome, "--outcome", "CONVERGENCE_OUTCOME", problems);
    RunState state = null;
    if (present(outcome)) {
      if (outcome.equals("SUCCEEDED") || outcome.equals("FAILED")) {
        state = RunState.valueOf(outcome);
      } else {
        append(problems, "--outcome: must be SUCCEEDED or FAILED; got '" + outcome + "'");
      }
    }
    if (state == RunState.FAILED) {
      require(failedStep, "--failed-step", "CONVERGENCE_FAILED_STEP", problems);
      if (present(failedStep) && !FinalizeRequest.STEPS.contains(failedStep)) {
        append(
            problems,
            "--failed-step: must be one of "
                + String.join(", ", FinalizeRequest.STEPS)
                + "; got '"
                + failedStep
                + "'");
      }
    } else if (state == RunState.SUCCEEDED) {
      if (present(failedStep)) {
        append(problems, "--failed-step: goes with --outcome FAILED only");
      }
      if (present(error)) {
        append(problems, "--error: goes with --outcome FAILED only");
      }
    }
    if (problems.length() > 0) {
      throw new StageException(StageError.INVALID_ARGUMENT, problems.toString());
    }
    return state == RunState.SUCCEEDED
        ? FinalizeRequest.succeeded(run)
        : FinalizeRequest.failed(run, failedStep, present(error) ? error : "");
  }

  /** Where the configuration, the store and the other dependencies are. */
  public StageSettings settings() {
    StringBuilder problems = new StringBuilder();
    require(config, "--config", "CONVERGENCE_CONFIG_URI", problems);
    require(store, "--store", "CONVERGENCE_STORE", problems);
    if (taskAttempt < 0) {
      append(problems, "--task-attempt: must be 0 or more; got " + taskAttempt);
    }
    if (present(warehouse)) {
      checkWarehouse(problems);
    }
    if (problems.length() > 0) {
      throw new StageException(StageError.INVALID_ARGUMENT, problems.toString());
    }
    return new StageSettings(
        config,
        store,
        optional(ledger),
        optional(warehouse),
        optional(bigQueryLocation),
        optional(projectId),
        optional(pubSubEmulatorHost),
        taskAttempt + 1);
  }

  private void checkWarehouse(StringBuilder problems) {
    boolean cloudStore = present(store) && store.startsWith("gs://");
    if (warehouse.startsWith(StageSettings.DUCKDB)
        && warehouse.length() > StageSettings.DUCKDB.length()) {
      if (cloudStore) {
        append(
            problems,
            "--warehouse: a duckdb: warehouse reads the staged Parquet from a local --store; got "
                + store);
      }
    } else if (warehouse.startsWith(StageSettings.BIGQUERY)
        && PROJECT_ID.matcher(warehouse.substring(StageSettings.BIGQUERY.length())).matches()) {
      if (present(store) && !cloudStore) {
        append(
            problems,
            "--warehouse: a bigquery: warehouse loads the staged Parquet from a gs:// --store;"
                + " got "
                + store);
      }
      require(bigQueryLocation, "--bigquery-location", "CONVERGENCE_REGION", problems);
    } else {
      append(
          problems,
          "--warehouse: must be duckdb:/path/file.duckdb or bigquery:PROJECT; got '"
              + warehouse
              + "'");
    }
  }

  /**
   * A Google Cloud project id: 6 to 30 lowercase letters, digits or '-', starting with a letter.
   */
  private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");

  private static Optional<String> optional(String value) {
    return Optional.ofNullable(value).filter(StageOptions::present);
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
