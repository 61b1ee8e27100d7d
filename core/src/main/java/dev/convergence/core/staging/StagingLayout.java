package dev.convergence.core.staging;

import dev.convergence.core.store.ObjectInfo;
import dev.convergence.core.store.ObjectKeys;
import dev.convergence.core.tenant.Tenant;
import java.util.List;
import java.util.Objects;

/**
 * Where one run's intermediate objects live in the staging store, so that every stage (ingest, the
 * Flink job, check, publish) names them the same way:
 *
 * <pre>
 * staging/&lt;tenant_id&gt;/&lt;run_id&gt;/
 *   manifest.json                 ingest, written last: its presence means ingest finished
 *   extract/*.parquet             ingest, Google Cloud billing-export table extracts
 *   output/focus/part-*.parquet   the Flink job: FOCUS rows
 *   output/daily/part-*.parquet   the Flink job: daily aggregates
 *   output/anomalies/part-*.parquet
 *   output/rejects/part-*.parquet the Flink job: records that could not be converted
 *   output/summary/part-*.json    the Flink job: row counts and cost totals per output
 *   check/dq-results.json         check: every data-quality rule's result
 * </pre>
 *
 * Everything of a run sits under one prefix, so a retried run can clear it and a finished one can
 * be deleted in one listing.
 */
public record StagingLayout(String tenantId, String runId) {

  public static final String ROOT = "staging/";

  public StagingLayout {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(runId, "runId");
    if (!Tenant.ID.matcher(tenantId).matches()) {
      throw new IllegalArgumentException(
          "tenant_id: must be 3 to 50 lowercase letters, digits or '_'; got '" + tenantId + "'");
    }
    String problem = ObjectKeys.problem(runId, false);
    if (problem != null || runId.contains("/")) {
      throw new IllegalArgumentException(
          "run_id: must be one object-key segment (letters, digits and . _ = -); got '"
              + runId
              + "'");
    }
  }

  public static StagingLayout of(String tenantId, String runId) {
    return new StagingLayout(tenantId, runId);
  }

  /** {@code staging/<tenant_id>/<run_id>/}. */
  public String prefix() {
    return ROOT + tenantId + "/" + runId + "/";
  }

  public String manifest() {
    return prefix() + "manifest.json";
  }

  /**
   * The tenant's cost allocation and the pipeline's anomaly settings for the processing job ({@code
   * ProcessingRules} as JSON), written by ingest before the manifest.
   */
  public String rules() {
    return prefix() + "rules.json";
  }

  public String extractPrefix() {
    return prefix() + "extract/";
  }

  public String focusOutputPrefix() {
    return prefix() + "output/focus/";
  }

  public String dailyOutputPrefix() {
    return prefix() + "output/daily/";
  }

  public String anomaliesOutputPrefix() {
    return prefix() + "output/anomalies/";
  }

  public String rejectsOutputPrefix() {
    return prefix() + "output/rejects/";
  }

  public String summaryOutputPrefix() {
    return prefix() + "output/summary/";
  }

  public String dqResults() {
    return prefix() + "check/dq-results.json";
  }

  /**
   * The part files directly under {@code prefix} whose name is {@code part-*<suffix>}, sorted by
   * key. Anything else there (a writer's in-progress file, a marker) is not output.
   */
  public static List<ObjectInfo> partFiles(List<ObjectInfo> listing, String prefix, String suffix) {
    return listing.stream()
        .filter(info -> info.key().startsWith(prefix))
        .filter(
            info -> {
              String name = info.key().substring(prefix.length());
              return !name.contains("/") && name.startsWith("part-") && name.endsWith(suffix);
            })
        .toList();
  }
}
