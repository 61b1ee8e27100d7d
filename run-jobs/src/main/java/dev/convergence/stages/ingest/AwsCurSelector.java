package dev.convergence.stages.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.store.ObjectInfo;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.stages.StageError;
import dev.convergence.stages.StageException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * AWS Cost and Usage Report deliveries (legacy CUR), laid out as AWS writes them:
 *
 * <pre>
 * &lt;prefix&gt;/&lt;report&gt;/20261001-20261101/&lt;report&gt;-Manifest.json       the current delivery
 * &lt;prefix&gt;/&lt;report&gt;/20261001-20261101/&lt;assemblyId&gt;/&lt;report&gt;-Manifest.json
 * &lt;prefix&gt;/&lt;report&gt;/20261001-20261101/&lt;assemblyId&gt;/&lt;report&gt;-1.csv.gz
 * </pre>
 *
 * (with "overwrite", the data files sit directly in the period folder and there is no assembly
 * folder). Each delivery restates the month so far; the period folder's own manifest names the
 * current one by {@code assemblyId} and lists its files in {@code reportKeys}. Without it, the
 * newest assembly manifest wins. Data files without any manifest are a delivery still being written
 * (AWS writes the manifest last). The delivery instant is the manifest's write time.
 */
final class AwsCurSelector implements SourceSelector {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final String MANIFEST = "-Manifest.json";

  @Override
  public SelectedSource select(
      ObjectStore store, String prefix, List<ObjectInfo> listing, BillingPeriod period) {
    String folder =
        period.month().atDay(1).format(DAY)
            + "-"
            + period.month().plusMonths(1).atDay(1).format(DAY);
    String anchor = "/" + folder + "/";
    Function<String, String> root =
        key ->
            key.contains(anchor) ? key.substring(0, key.indexOf(anchor) + anchor.length()) : null;
    Map<String, List<ObjectInfo>> reports = DeliveryFiles.byRoot(listing, root);
    if (reports.isEmpty()) {
      throw new StageException(
          StageError.NO_SOURCE_FILES,
          "no AWS Cost and Usage Report for "
              + period
              + " under "
              + prefix
              + ": expected objects under a <report>/"
              + folder
              + "/ folder");
    }
    if (reports.size() > 1) {
      throw new StageException(
          StageError.AMBIGUOUS_SOURCE,
          "more than one AWS Cost and Usage Report for "
              + period
              + " under "
              + prefix
              + ": "
              + DeliveryFiles.describeRoots(reports)
              + "; name one as the run's source");
    }
    String reportRoot = reports.keySet().iterator().next();
    List<ObjectInfo> objects = reports.get(reportRoot);
    Map<String, ObjectInfo> present = new LinkedHashMap<>();
    objects.forEach(o -> present.put(o.key(), o));

    ObjectInfo current = null;
    List<ObjectInfo> assemblyManifests = new ArrayList<>();
    for (ObjectInfo o : objects) {
      String rest = o.key().substring(reportRoot.length());
      if (rest.endsWith(MANIFEST)) {
        if (!rest.contains("/")) {
          current = o;
        } else if (rest.indexOf('/') == rest.lastIndexOf('/')) {
          assemblyManifests.add(o);
        }
      }
    }
    ObjectInfo chosenManifest = current;
    if (chosenManifest == null) {
      chosenManifest =
          assemblyManifests.stream()
              .max(Comparator.comparing(ObjectInfo::updated).thenComparing(ObjectInfo::key))
              .orElse(null);
    }
    if (chosenManifest == null) {
      throw new StageException(
          StageError.INCOMPLETE_DELIVERY,
          reportRoot
              + ": has data files but no <report>"
              + MANIFEST
              + "; AWS writes the manifest after the data, so the delivery may be incomplete");
    }
    String manifestName = DeliveryFiles.name(chosenManifest.key());
    JsonNode manifest = DeliveryFiles.readJson(store, chosenManifest.key());
    String assemblyId = DeliveryFiles.text(manifest, chosenManifest.key(), "assemblyId");
    List<ObjectInfo> files =
        DeliveryFiles.resolve(
            DeliveryFiles.texts(manifest, chosenManifest.key(), "reportKeys", null),
            anchor,
            reportRoot,
            present,
            chosenManifest.key());
    Delivery chosen = new Delivery(chosenManifest.updated(), assemblyId, files);

    Set<String> taken = new HashSet<>();
    files.forEach(f -> taken.add(f.key()));
    Map<String, List<ObjectInfo>> others =
        objects.stream()
            .filter(o -> DeliveryFiles.isData(o.key()) && !taken.contains(o.key()))
            .collect(
                Collectors.groupingBy(
                    o -> folderOf(o.key().substring(reportRoot.length())),
                    java.util.TreeMap::new,
                    Collectors.toList()));
    List<Delivery> superseded = new ArrayList<>();
    others.forEach(
        (assembly, data) -> {
          ObjectInfo own = present.get(reportRoot + assembly + "/" + manifestName);
          superseded.add(
              new Delivery(
                  own == null ? Delivery.latest(data) : own.updated(),
                  assembly.isEmpty() ? folder : assembly,
                  data));
        });
    superseded.sort(Comparator.comparing(Delivery::deliveredAt));
    return Delivery.chosen(chosen, superseded);
  }

  private static String folderOf(String rest) {
    int slash = rest.indexOf('/');
    return slash < 0 ? "" : rest.substring(0, slash);
  }
}
