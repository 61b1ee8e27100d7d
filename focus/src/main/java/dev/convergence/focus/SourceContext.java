package dev.convergence.focus;

import java.util.Objects;

/**
 * Where the records being converted come from and whom they belong to: stamped on every row as the
 * {@code x_} columns.
 *
 * @param snapshotId for providers that deliver complete month-to-date snapshots (AWS: the report
 *     assembly id or delivery time; Azure: the export run), the delivery this file belongs to; null
 *     for append-only sources (Google Cloud), whose rows carry a row identity instead
 */
public record SourceContext(String tenantId, String runId, String sourceFile, String snapshotId) {

  public SourceContext {
    requireText(tenantId, "tenantId");
    requireText(runId, "runId");
    requireText(sourceFile, "sourceFile");
    if (snapshotId != null && snapshotId.isBlank()) {
      throw new IllegalArgumentException("snapshotId: must be null or non-blank");
    }
  }

  /** A context for an append-only source, which has no snapshot. */
  public static SourceContext appendOnly(String tenantId, String runId, String sourceFile) {
    return new SourceContext(tenantId, runId, sourceFile, null);
  }

  private static void requireText(String value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + ": must not be blank");
    }
  }
}
