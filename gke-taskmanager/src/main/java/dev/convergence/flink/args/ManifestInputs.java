package dev.convergence.flink.args;

import dev.convergence.core.pipeline.SourceFormat;
import dev.convergence.core.staging.ManifestObject;
import dev.convergence.core.staging.RunManifest;
import dev.convergence.core.staging.StagingJson;
import dev.convergence.core.staging.StagingLayout;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.core.fs.Path;

/**
 * The job's inputs from a run's manifest: ingest chose and checked the objects (the newest snapshot
 * only, for AWS and Azure), so the job reads exactly those, each in the manifest's layout, under
 * the store root the keys are relative to.
 */
final class ManifestInputs {

  private ManifestInputs() {}

  /** The inputs, or none with the problems added (naming {@code --manifest}). */
  static List<InputFile> read(
      String manifestUri, String sourceRoot, String runId, String tenant, List<String> problems) {
    RunManifest manifest;
    try {
      Path path = new Path(manifestUri);
      byte[] content;
      try (InputStream in = path.getFileSystem().open(path)) {
        content = in.readAllBytes();
      }
      manifest = StagingJson.read(content, RunManifest.class, manifestUri);
    } catch (IOException | IllegalArgumentException e) {
      problems.add("--manifest: cannot read " + manifestUri + ": " + e.getMessage());
      return List.of();
    }
    int before = problems.size();
    if (runId != null && !runId.equals(manifest.runId())) {
      problems.add("--manifest: is run " + manifest.runId() + "'s, not " + runId + "'s");
    }
    if (tenant != null && !tenant.equals(manifest.tenantId())) {
      problems.add("--manifest: is tenant " + manifest.tenantId() + "'s, not " + tenant + "'s");
    }
    InputFormat format = of(manifest.sourceFormat());
    if (format == null) {
      problems.add(
          "--manifest: the job cannot read "
              + manifest.sourceFormat()
              + " objects; readable: "
              + InputFormat.wireNames());
    }
    String root = sourceRoot != null ? sourceRoot : storeRoot(manifestUri, manifest, problems);
    if (problems.size() > before) {
      return List.of();
    }
    String prefix = root.endsWith("/") ? root : root + "/";
    List<InputFile> inputs = new ArrayList<>();
    for (ManifestObject object : manifest.objects()) {
      inputs.add(new InputFile(prefix + object.key(), format, object.snapshotId()));
    }
    return inputs;
  }

  /**
   * The root the manifest's own key hangs from: its URI without {@code staging/T/R/manifest.json}.
   */
  private static String storeRoot(String uri, RunManifest manifest, List<String> problems) {
    String key = StagingLayout.of(manifest.tenantId(), manifest.runId()).manifest();
    if (!uri.endsWith(key)) {
      problems.add(
          "--manifest: "
              + uri
              + " is not at its run's key "
              + key
              + "; say where the sources are with --source-root");
      return "";
    }
    return uri.substring(0, uri.length() - key.length());
  }

  /**
   * The job's layout for a pipeline's source format, or null when the job cannot read it. A
   * billing-export table source is the Parquet files ingest extracted into the run's staging prefix
   * and listed in the manifest.
   */
  static InputFormat of(SourceFormat format) {
    Objects.requireNonNull(format, "format");
    return switch (format) {
      case AWS_CUR_LEGACY_CSV, AWS_CUR2_CSV -> InputFormat.AWS_CUR;
      case AWS_CUR2_PARQUET -> InputFormat.AWS_CUR_PARQUET;
      case AZURE_EA_CSV -> InputFormat.AZURE_EA_ACTUAL;
      case AZURE_MCA_CSV -> InputFormat.AZURE_MCA_ACTUAL;
      case GCP_BILLING_EXPORT_JSONL -> InputFormat.GCP_JSONL;
      case GCP_BILLING_EXPORT_CSV -> InputFormat.GCP_CSV;
      case GCP_BILLING_EXPORT_TABLE -> InputFormat.GCP_PARQUET;
    };
  }
}
