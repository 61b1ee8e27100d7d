package dev.convergence.core.staging;

import dev.convergence.core.pipeline.SourceFormat;
import dev.convergence.core.store.ObjectKeys;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One source object a run reads, as ingest found and checked it. The processing job reads {@code
 * key}, {@code format} and {@code snapshotId}; the rest lets anyone confirm later that the object
 * read is the object checked.
 *
 * @param format the layout the object is in (the pipeline's source format)
 * @param size the object's size in bytes
 * @param sha256 the SHA-256 of the object's bytes, lowercase hex
 * @param rows the source records in the object (data rows, not counting a header)
 * @param snapshotId for AWS and Azure, the delivery the object belongs to, named by its delivery
 *     instant (ISO-8601 UTC); null for append-only sources (Google Cloud)
 */
public record ManifestObject(
    String key, SourceFormat format, long size, String sha256, long rows, String snapshotId) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public ManifestObject {
    ObjectKeys.check(Objects.requireNonNull(key, "key"));
    Objects.requireNonNull(format, "format");
    if (size < 0) {
      throw new IllegalArgumentException("size: must not be negative; got " + size);
    }
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException(
          "sha256: must be 64 lowercase hex digits; got '" + sha256 + "'");
    }
    if (rows < 0) {
      throw new IllegalArgumentException("rows: must not be negative; got " + rows);
    }
    if (snapshotId != null) {
      SnapshotSelection.requireInstant(snapshotId, "snapshot_id");
    }
  }
}
