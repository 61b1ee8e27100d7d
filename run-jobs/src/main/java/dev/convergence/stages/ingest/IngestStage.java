package dev.convergence.stages.ingest;

import dev.convergence.core.logging.LogContext;
import dev.convergence.core.pipeline.PipelineCatalog;
import dev.convergence.core.pipeline.PipelineConfig;
import dev.convergence.core.pipeline.ProcessingRules;
import dev.convergence.core.pipeline.SourceFormat;
import dev.convergence.core.quality.PeriodBounds;
import dev.convergence.core.staging.ManifestObject;
import dev.convergence.core.staging.RunManifest;
import dev.convergence.core.staging.StagingJson;
import dev.convergence.core.staging.StagingLayout;
import dev.convergence.core.store.ObjectInfo;
import dev.convergence.core.store.ObjectKeys;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.store.StoredObject;
import dev.convergence.core.tenant.ProviderAccount;
import dev.convergence.core.tenant.Tenant;
import dev.convergence.core.tenant.TenantRegistry;
import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.ConversionTally;
import dev.convergence.focus.FocusRow;
import dev.convergence.focus.MissingColumnsException;
import dev.convergence.focus.Reject;
import dev.convergence.focus.SourceContext;
import dev.convergence.stages.StageError;
import dev.convergence.stages.StageException;
import dev.convergence.stages.StagePipelines;
import dev.convergence.stages.StageRequest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest stage: finds the run's source objects for its billing period under the tenant's
 * landing prefix (the newest delivery, for providers that deliver snapshots; for a Google Cloud
 * billing-export table, an extract of the invoice month made first), reads each through the FOCUS
 * reader the processing job will use, and writes the run manifest: the objects, their sizes and
 * checksums, and the source's own totals per billing account.
 *
 * <p>The manifest is written last, in one write, so its presence means ingest finished. A retry
 * with the same inputs finds the same manifest and leaves it as it is.
 */
public final class IngestStage {

  private static final Logger log = LoggerFactory.getLogger(IngestStage.class);

  private final ObjectStore store;
  private final TenantRegistry tenants;
  private final PipelineCatalog pipelines;
  private final BillingExportExtractor extractor;
  private final Clock clock;

  @Inject
  public IngestStage(
      ObjectStore store,
      TenantRegistry tenants,
      PipelineCatalog pipelines,
      BillingExportExtractor extractor,
      Clock clock) {
    this.store = store;
    this.tenants = tenants;
    this.pipelines = pipelines;
    this.extractor = extractor;
    this.clock = clock;
  }

  /** Runs ingest; returns the manifest now stored. */
  public RunManifest run(StageRequest request) {
    try (LogContext context = LogContext.forRun(request.tenantId(), request.runId());
        LogContext stage = LogContext.forStage("ingest")) {
      Tenant tenant =
          tenants
              .find(request.tenantId())
              .orElseThrow(
                  () ->
                      new StageException(
                          StageError.UNKNOWN_TENANT,
                          "tenant_id: no tenant '" + request.tenantId() + "' is configured"));
      PipelineConfig pipeline = StagePipelines.find(pipelines, request);
      ProviderAccount account =
          tenant
              .provider(pipeline.provider())
              .orElseThrow(
                  () ->
                      new StageException(
                          StageError.PROVIDER_NOT_ENABLED,
                          "pipeline: '"
                              + pipeline.name()
                              + "' reads "
                              + pipeline.provider()
                              + " data, but tenant "
                              + tenant.id()
                              + " has no "
                              + pipeline.provider()
                              + " provider"));
      StagingLayout layout = request.layout();
      SelectedSource selected = select(request, pipeline, account, layout);
      log.info(
          "selected {} source objects for {}{}",
          selected.objects().size(),
          request.billingPeriod(),
          selected.snapshot() == null
              ? ""
              : " (delivery "
                  + selected.snapshot().deliveryId()
                  + ", "
                  + selected.snapshot().superseded().size()
                  + " superseded)");

      SourceTally tally =
          new SourceTally(
              new HashSet<>(account.billingAccounts()),
              PeriodBounds.of(pipeline.provider(), request.billingPeriod()));
      List<ManifestObject> objects = new ArrayList<>();
      for (SourceObject object : selected.objects()) {
        objects.add(count(object, pipeline.sourceFormat(), request, tally));
      }
      RunManifest manifest =
          new RunManifest(
              request.runId(),
              tenant.id(),
              pipeline.provider(),
              pipeline.name(),
              pipeline.sourceFormat(),
              request.billingPeriod(),
              selected.snapshot(),
              objects,
              tally.totals(account.billingAccounts()),
              tally.rejects(),
              clock.instant());
      // The job's rules first: the manifest, written last, says ingest is done.
      store.put(
          layout.rules(),
          StagingJson.write(new ProcessingRules(tenant.allocation(), pipeline.anomaly())));
      return store(layout, manifest);
    }
  }

  private SelectedSource select(
      StageRequest request,
      PipelineConfig pipeline,
      ProviderAccount account,
      StagingLayout layout) {
    if (pipeline.sourceFormat() == SourceFormat.GCP_BILLING_EXPORT_TABLE) {
      String text =
          request
              .billingExportTable()
              .orElseThrow(
                  () ->
                      new StageException(
                          StageError.INVALID_ARGUMENT,
                          "billing_export_table: pipeline '"
                              + pipeline.name()
                              + "' reads the billing-export table; name it as"
                              + " project.dataset.table"));
      BillingExportTable table;
      try {
        table = BillingExportTable.parse(text);
      } catch (IllegalArgumentException e) {
        throw new StageException(StageError.INVALID_ARGUMENT, e.getMessage(), e);
      }
      log.info("extracting invoice month {} of {}", request.billingPeriod(), table);
      extractor.extract(table, request.billingPeriod(), layout.extractPrefix());
      List<SourceObject> parts =
          StagingLayout.partFiles(store.list(layout.extractPrefix()), layout.extractPrefix(), "")
              .stream()
              .filter(o -> o.key().endsWith(".parquet"))
              .map(o -> new SourceObject(o, null))
              .toList();
      List<SourceObject> extracts =
          parts.isEmpty()
              ? store.list(layout.extractPrefix()).stream()
                  .filter(o -> o.key().endsWith(".parquet"))
                  .map(o -> new SourceObject(o, null))
                  .toList()
              : parts;
      if (extracts.isEmpty()) {
        throw new StageException(
            StageError.NO_SOURCE_FILES,
            "the extract of "
                + table
                + " for invoice month "
                + request.billingPeriod()
                + " wrote no files under "
                + layout.extractPrefix());
      }
      return new SelectedSource(extracts, null);
    }
    String prefix = request.source().orElse(account.landingPrefix());
    if (!prefix.endsWith("/")) {
      prefix = prefix + "/";
    }
    if (ObjectKeys.problem(prefix, true) != null || !account.containsPrefix(prefix)) {
      throw new StageException(
          StageError.SOURCE_OUTSIDE_LANDING_PREFIX,
          "source: '"
              + prefix
              + "' is not a prefix under the tenant's landing prefix "
              + account.landingPrefix());
    }
    List<ObjectInfo> listing = store.list(prefix);
    return selector(pipeline.sourceFormat())
        .select(store, prefix, listing, request.billingPeriod());
  }

  private static SourceSelector selector(SourceFormat format) {
    return switch (format) {
      case AWS_CUR_LEGACY_CSV -> new AwsCurSelector();
      case AWS_CUR2_CSV, AWS_CUR2_PARQUET -> new AwsDataExportSelector();
      case AZURE_EA_CSV, AZURE_MCA_CSV -> new AzureExportSelector();
      case GCP_BILLING_EXPORT_JSONL -> new GcpFileSelector(Set.of(".jsonl", ".json"));
      case GCP_BILLING_EXPORT_CSV -> new GcpFileSelector(Set.of(".csv"));
      case GCP_BILLING_EXPORT_TABLE ->
          throw new IllegalStateException("the table source is extracted, not listed");
    };
  }

  private ManifestObject count(
      SourceObject object, SourceFormat format, StageRequest request, SourceTally tally) {
    StoredObject stored =
        store
            .read(object.key())
            .orElseThrow(
                () ->
                    new StageException(
                        StageError.INCOMPLETE_DELIVERY,
                        object.key() + ": was listed but is gone; was it replaced mid-run?"));
    byte[] content = stored.content();
    if (content.length == 0) {
      throw new StageException(StageError.EMPTY_FILE, object.key() + ": is empty (0 bytes)");
    }
    if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3) {
      throw new StageException(
          StageError.UNKNOWN_LAYOUT,
          object.key()
              + ": is a ZIP archive; the readers take plain or gzip files (choose GZIP"
              + " compression for the report)");
    }
    SourceContext context =
        new SourceContext(request.tenantId(), request.runId(), object.key(), object.snapshotId());
    ConversionTally counted;
    try (ConversionStream stream = FocusReaders.open(format, content, context)) {
      counted =
          stream.drain(
              (FocusRow row) -> tally.add(row, object.key()), (Reject reject) -> tally.add(reject));
    } catch (MissingColumnsException e) {
      throw new StageException(StageError.UNKNOWN_LAYOUT, e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new StageException(
          StageError.UNREADABLE_OBJECT,
          object.key() + ": cannot be read as " + format + ": " + e.getMessage(),
          e);
    } catch (RuntimeException e) {
      if (e instanceof StageException) {
        throw e;
      }
      if (e.getCause() instanceof IOException || e.getClass().getName().contains("parquet")) {
        throw new StageException(
            StageError.UNREADABLE_OBJECT,
            object.key() + ": cannot be read as " + format + ": " + e.getMessage(),
            e);
      }
      throw e;
    }
    if (counted.inputRecords() == 0) {
      throw new StageException(
          StageError.EMPTY_FILE, object.key() + ": holds no records (only a header, or nothing)");
    }
    log.info(
        "{}: {} records, {} rows, {} rejected",
        object.key(),
        counted.inputRecords(),
        counted.outputRows(),
        counted.rejects());
    return new ManifestObject(
        object.key(),
        format,
        content.length,
        sha256(content),
        counted.inputRecords(),
        object.snapshotId());
  }

  private RunManifest store(StagingLayout layout, RunManifest manifest) {
    Optional<StoredObject> existing = store.read(layout.manifest());
    if (existing.isPresent()) {
      try {
        RunManifest stored =
            StagingJson.read(existing.get().content(), RunManifest.class, layout.manifest());
        if (stored.sameContentAs(manifest)) {
          log.info("the manifest is already written with the same content; leaving it");
          return stored;
        }
      } catch (IllegalArgumentException e) {
        log.warn("replacing an unreadable manifest: {}", e.getMessage());
      }
    }
    store.put(layout.manifest(), StagingJson.write(manifest));
    log.info(
        "wrote {}: {} objects, {} source rows, source cost {}",
        layout.manifest(),
        manifest.objects().size(),
        manifest.sourceRows(),
        manifest.sourceCost().toPlainString());
    return manifest;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
