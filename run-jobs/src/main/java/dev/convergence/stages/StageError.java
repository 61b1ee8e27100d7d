package dev.convergence.stages;

/** Why a stage stopped: a stable, machine-readable code, and what it means for a retry. */
public enum StageError {
  INVALID_ARGUMENT(ExitCode.USAGE),
  UNKNOWN_TENANT(ExitCode.BAD_INPUT),
  UNKNOWN_PIPELINE(ExitCode.BAD_INPUT),
  PROVIDER_NOT_ENABLED(ExitCode.BAD_INPUT),
  SOURCE_OUTSIDE_LANDING_PREFIX(ExitCode.BAD_INPUT),
  /** No source object for the billing period under the source prefix. */
  NO_SOURCE_FILES(ExitCode.BAD_INPUT),
  /** More than one report or export delivers the period under the prefix: which one is meant? */
  AMBIGUOUS_SOURCE(ExitCode.BAD_INPUT),
  /** A delivery's manifest names objects that are not (yet) there: the copy may be in progress. */
  INCOMPLETE_DELIVERY(ExitCode.TRANSIENT),
  EMPTY_FILE(ExitCode.BAD_INPUT),
  /** The object is not in the pipeline's layout (its header lacks required columns, …). */
  UNKNOWN_LAYOUT(ExitCode.BAD_INPUT),
  /** The object cannot be read at all (corrupt compression, not Parquet, …). */
  UNREADABLE_OBJECT(ExitCode.BAD_INPUT),
  MIXED_CURRENCIES(ExitCode.BAD_INPUT),
  UNKNOWN_BILLING_ACCOUNT(ExitCode.BAD_INPUT),
  WRONG_BILLING_PERIOD(ExitCode.BAD_INPUT),
  /** The check found no ingest manifest: ingest has not finished for this run. */
  MANIFEST_MISSING(ExitCode.BAD_INPUT),
  /** The check found no (or an unreadable) staged output: the processing job has not finished. */
  STAGED_OUTPUT_MISSING(ExitCode.BAD_INPUT),
  /** A critical data-quality rule failed. */
  QUALITY_FAILED(ExitCode.QUALITY_FAILED),
  /**
   * Publish found no readable data-quality results of this run ({@code check/dq-results.json}): the
   * check has not passed it, so nothing may be published.
   */
  QUALITY_NOT_CHECKED(ExitCode.QUALITY_FAILED),
  /** The run ledger has no such run of the tenant. */
  UNKNOWN_RUN(ExitCode.BAD_INPUT),
  /** The run has already ended in the ledger: publishing now would change an ended run's data. */
  RUN_ENDED(ExitCode.BAD_INPUT),
  /** The staged rows are not all the run's tenant, provider and billing period. */
  STAGED_DATA_MISMATCH(ExitCode.BAD_INPUT),
  /** The warehouse refused the request as wrong, or a table's column types differ. */
  WAREHOUSE_REFUSED(ExitCode.BAD_INPUT),
  /** A warehouse table lacks catalogue columns: run the additive migration first. */
  WAREHOUSE_OUT_OF_DATE(ExitCode.USAGE),
  /**
   * BigQuery refused the billing-export extract for good (no such table, no access, an invalid
   * query): retrying cannot help.
   */
  EXPORT_REFUSED(ExitCode.BAD_INPUT);

  private final ExitCode exitCode;

  StageError(ExitCode exitCode) {
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
