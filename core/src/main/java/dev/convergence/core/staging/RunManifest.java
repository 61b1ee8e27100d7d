package dev.convergence.core.staging;

import dev.convergence.core.pipeline.SourceFormat;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What ingest found for a run, written to {@link StagingLayout#manifest()}: the source objects the
 * processing job is to read (and only those), and the totals the source itself gives, which the
 * check stage reconciles the staged output against.
 *
 * <p>Two manifests of the same inputs are equal except for {@code createdAt}: objects are sorted by
 * key and totals by account and currency, so a retried ingest can tell that what is stored is
 * already right ({@link #sameContentAs}).
 *
 * @param snapshot for AWS and Azure, the delivery read and the ones left out; null for Google Cloud
 * @param rejectsAtIngest records the FOCUS readers rejected while counting the source
 */
public record RunManifest(
    String runId,
    String tenantId,
    Provider provider,
    String pipeline,
    SourceFormat sourceFormat,
    BillingPeriod billingPeriod,
    SnapshotSelection snapshot,
    List<ManifestObject> objects,
    List<SourceTotal> sourceTotals,
    IngestRejects rejectsAtIngest,
    Instant createdAt) {

  public RunManifest {
    StagingLayout.of(tenantId, runId);
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(sourceFormat, "sourceFormat");
    Objects.requireNonNull(billingPeriod, "billingPeriod");
    Objects.requireNonNull(createdAt, "createdAt");
    if (sourceFormat.provider() != provider) {
      throw new IllegalArgumentException(
          "source_format: "
              + sourceFormat
              + " reads "
              + sourceFormat.provider()
              + " data, but"
              + " provider is "
              + provider);
    }
    objects =
        objects == null
            ? List.of()
            : objects.stream().sorted(Comparator.comparing(ManifestObject::key)).toList();
    sourceTotals =
        sourceTotals == null
            ? List.of()
            : sourceTotals.stream()
                .sorted(
                    Comparator.comparing(SourceTotal::billingAccountId)
                        .thenComparing(SourceTotal::billingCurrency))
                .toList();
    rejectsAtIngest = rejectsAtIngest == null ? IngestRejects.NONE : rejectsAtIngest;
    if (objects.isEmpty()) {
      throw new IllegalArgumentException("objects: a manifest lists at least one source object");
    }
    Set<String> keys = new HashSet<>();
    for (ManifestObject object : objects) {
      if (!keys.add(object.key())) {
        throw new IllegalArgumentException("objects: lists " + object.key() + " more than once");
      }
      if (object.format() != sourceFormat) {
        throw new IllegalArgumentException(
            "objects: " + object.key() + " is " + object.format() + ", not " + sourceFormat);
      }
      String expected = snapshot == null ? null : snapshot.id();
      if (!Objects.equals(object.snapshotId(), expected)) {
        throw new IllegalArgumentException(
            "objects: "
                + object.key()
                + " has snapshot_id "
                + object.snapshotId()
                + ", but the manifest's snapshot is "
                + expected);
      }
    }
    boolean snapshots = provider != Provider.GCP;
    if (snapshots != (snapshot != null)) {
      throw new IllegalArgumentException(
          "snapshot: "
              + provider
              + (snapshots ? " delivers snapshots, so one must be chosen" : " has no snapshots"));
    }
  }

  /** FOCUS rows the source maps to, plus the records rejected while counting it. */
  public long sourceRows() {
    return sourceTotals.stream().mapToLong(SourceTotal::rows).sum() + rejectsAtIngest.rows();
  }

  /** BilledCost of the source over every account, plus the readable cost of rejected records. */
  public BigDecimal sourceCost() {
    return sourceTotals.stream()
        .map(SourceTotal::billedCost)
        .reduce(rejectsAtIngest.rawCost(), BigDecimal::add);
  }

  /** Whether {@code other} says the same as this, whenever each was written. */
  public boolean sameContentAs(RunManifest other) {
    return other != null && equals(other.withCreatedAt(createdAt));
  }

  public RunManifest withCreatedAt(Instant instant) {
    return new RunManifest(
        runId,
        tenantId,
        provider,
        pipeline,
        sourceFormat,
        billingPeriod,
        snapshot,
        objects,
        sourceTotals,
        rejectsAtIngest,
        instant);
  }
}
