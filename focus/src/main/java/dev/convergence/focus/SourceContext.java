package dev.convergence.focus;

import java.util.Objects;

/**
 * Where the records being converted come from and whom they belong to: stamped on every row as the
 * {@code x_} columns.
 *
 * @param snapshotId for providers that deliver complete month-to-date snapshots (AWS: the report
 *     assembly id or delivery time; Azure: the export run), the delivery this file belongs to; null
 *     for append-only sources (Google Cloud), whose rows carry a row identity instead
 * @param lineOffset added to every line number the reader counts: for a part of a file read on its
 *     own (behind the file's header), the lines of the file before it, less the header's
 */
public record SourceContext(
    String tenantId, String runId, String sourceFile, String snapshotId, long lineOffset) {

  /** A context for reading a whole file. */
  public SourceContext(String tenantId, String runId, String sourceFile, String snapshotId) {
    this(tenantId, runId, sourceFile, snapshotId, 0);
  }

  public SourceContext {
    requireText(tenantId, "tenantId");
    requireText(runId, "runId");
    requireText(sourceFile, "sourceFile");
    if (snapshotId != null && snapshotId.isBlank()) {
      throw new IllegalArgumentException("snapshotId: must be null or non-blank");
    }
    if (lineOffset < 0) {
      throw new IllegalArgumentException("lineOffset: must be 0 or more; got " + lineOffset);
    }
  }

  /** This context for a part of the file whose lines are numbered from {@code offset + 1}. */
  public SourceContext withLineOffset(long offset) {
    return new SourceContext(tenantId, runId, sourceFile, snapshotId, offset);
  }

  /** The line of the whole file that the reader's line {@code line} is. */
  public long fileLine(long line) {
    return line + lineOffset;
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
