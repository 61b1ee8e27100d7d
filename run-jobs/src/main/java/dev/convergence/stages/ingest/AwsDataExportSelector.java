package dev.convergence.stages.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.store.ObjectInfo;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.stages.StageError;
import dev.convergence.stages.StageException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * AWS Data Exports (CUR 2.0) deliveries, laid out as AWS writes them:
 *
 * <pre>
 * &lt;prefix&gt;/&lt;export&gt;/metadata/BILLING_PERIOD=2026-10/&lt;export&gt;-Manifest.json
 * &lt;prefix&gt;/&lt;export&gt;/data/BILLING_PERIOD=2026-10/…/&lt;export&gt;-00001.csv.gz (or .snappy.parquet)
 * </pre>
 *
 * The manifest is rewritten at every refresh and written after the data; its {@code dataFiles} (S3
 * URIs) name the current delivery and {@code executionId} names it. Data files it does not list
 * (earlier executions kept by "create new file") are superseded. The delivery instant is the
 * manifest's write time.
 */
final class AwsDataExportSelector implements SourceSelector {

  private static final String MANIFEST = "-Manifest.json";

  @Override
  public SelectedSource select(
      ObjectStore store, String prefix, List<ObjectInfo> listing, BillingPeriod period) {
    String partition = "BILLING_PERIOD=" + period;
    String metadata = "/metadata/" + partition + "/";
    String data = "/data/" + partition + "/";
    Map<String, List<ObjectInfo>> exports =
        DeliveryFiles.byRoot(
            listing,
            key -> {
              for (String anchor : List.of(metadata, data)) {
                if (key.contains(anchor)) {
                  return key.substring(0, key.indexOf(anchor) + 1);
                }
              }
              return null;
            });
    if (exports.isEmpty()) {
      throw new StageException(
          StageError.NO_SOURCE_FILES,
          "no AWS Data Exports (CUR 2.0) delivery for "
              + period
              + " under "
              + prefix
              + ": expected <export>/metadata/"
              + partition
              + "/ and <export>/data/"
              + partition
              + "/");
    }
    if (exports.size() > 1) {
      throw new StageException(
          StageError.AMBIGUOUS_SOURCE,
          "more than one AWS data export for "
              + period
              + " under "
              + prefix
              + ": "
              + DeliveryFiles.describeRoots(exports)
              + "; name one as the run's source");
    }
    String exportRoot = exports.keySet().iterator().next();
    List<ObjectInfo> objects = exports.get(exportRoot);
    ObjectInfo manifestInfo =
        objects.stream()
            .filter(o -> o.key().startsWith(exportRoot + metadata.substring(1)))
            .filter(o -> o.key().endsWith(MANIFEST))
            .max(Comparator.comparing(ObjectInfo::updated).thenComparing(ObjectInfo::key))
            .orElseThrow(
                () ->
                    new StageException(
                        StageError.INCOMPLETE_DELIVERY,
                        exportRoot
                            + ": has data files for "
                            + period
                            + " but no metadata/"
                            + partition
                            + "/<export>"
                            + MANIFEST
                            + "; AWS writes it after the data, so the delivery may be"
                            + " incomplete"));
    String dataRoot = exportRoot + data.substring(1);
    Map<String, ObjectInfo> present = new LinkedHashMap<>();
    objects.forEach(o -> present.put(o.key(), o));
    JsonNode manifest = DeliveryFiles.readJson(store, manifestInfo.key());
    String executionId = DeliveryFiles.text(manifest, manifestInfo.key(), "executionId");
    List<ObjectInfo> files =
        DeliveryFiles.resolve(
            DeliveryFiles.texts(manifest, manifestInfo.key(), "dataFiles", null),
            data,
            dataRoot,
            present,
            manifestInfo.key());
    Set<String> taken = new HashSet<>();
    files.forEach(f -> taken.add(f.key()));
    Map<String, List<ObjectInfo>> others =
        objects.stream()
            .filter(o -> o.key().startsWith(dataRoot))
            .filter(o -> DeliveryFiles.isData(o.key()) && !taken.contains(o.key()))
            .collect(
                Collectors.groupingBy(
                    o -> {
                      String rest = o.key().substring(dataRoot.length());
                      return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : partition;
                    },
                    TreeMap::new,
                    Collectors.toList()));
    List<Delivery> superseded = new ArrayList<>();
    others.forEach(
        (folder, files1) -> superseded.add(new Delivery(Delivery.latest(files1), folder, files1)));
    superseded.sort(Comparator.comparing(Delivery::deliveredAt));
    return Delivery.chosen(new Delivery(manifestInfo.updated(), executionId, files), superseded);
  }
}
