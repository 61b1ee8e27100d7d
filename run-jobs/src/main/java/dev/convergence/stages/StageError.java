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
  QUALITY_FAILED(ExitCode.QUALITY_FAILED);

  private final ExitCode exitCode;

  StageError(ExitCode exitCode) {
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
