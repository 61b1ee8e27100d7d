package dev.convergence.flink.args;

import java.util.Objects;

/**
 * One file the job converts: where it is (a Flink file-system URI or local path), its layout, and,
 * for AWS and Azure, the snapshot it belongs to, named by its delivery time as an ISO-8601 UTC
 * instant (all parts of one delivery share it; a later instant is a newer snapshot).
 */
public record InputFile(String uri, InputFormat format, String snapshotId) {

  public InputFile {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(format, "format");
    if (format.snapshots() != (snapshotId != null)) {
      throw new IllegalArgumentException(
          format + " " + (format.snapshots() ? "needs" : "takes no") + " snapshot: " + uri);
    }
  }

  public static InputFile snapshot(InputFormat format, String deliveredAt, String uri) {
    return new InputFile(uri, format, deliveredAt);
  }

  public static InputFile appendOnly(InputFormat format, String uri) {
    return new InputFile(uri, format, null);
  }
}
