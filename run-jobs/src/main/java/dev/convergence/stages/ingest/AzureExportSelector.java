package dev.convergence.stages.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.store.ObjectInfo;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.stages.StageError;
import dev.convergence.stages.StageException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure Cost Management export runs, laid out as the exports write them:
 *
 * <pre>
 * &lt;directory&gt;/&lt;export&gt;/20261001-20261031/&lt;runId&gt;/manifest.json     (file partitioning on)
 * &lt;directory&gt;/&lt;export&gt;/20261001-20261031/&lt;runId&gt;/part_0_0001.csv
 * &lt;directory&gt;/&lt;export&gt;/20261001-20261031/&lt;export&gt;_&lt;guid&gt;.csv        (older exports)
 * </pre>
 *
 * Each run writes the month so far. A run folder's {@code manifest.json} names its files ({@code
 * blobs[].blobName}) and its time ({@code runInfo.submittedTime}); a run folder without one is
 * timed by its files' write times, and a file directly in the period folder is a run of its own.
 * The newest run is read, the others are superseded.
 */
final class AzureExportSelector implements SourceSelector {

  private static final Pattern RANGE = Pattern.compile("(\\d{8})-(\\d{8})");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  @Override
  public SelectedSource select(
      ObjectStore store, String prefix, List<ObjectInfo> listing, BillingPeriod period) {
    Map<String, List<ObjectInfo>> exports =
        DeliveryFiles.byRoot(listing, key -> periodFolder(key, period));
    if (exports.isEmpty()) {
      throw new StageException(
          StageError.NO_SOURCE_FILES,
          "no Azure cost export for "
              + period
              + " under "
              + prefix
              + ": expected objects under a <export>/"
              + period.month().atDay(1).format(DAY)
              + "-"
              + period.month().atEndOfMonth().format(DAY)
              + "/ folder");
    }
    if (exports.size() > 1) {
      throw new StageException(
          StageError.AMBIGUOUS_SOURCE,
          "more than one Azure cost export for "
              + period
              + " under "
              + prefix
              + ": "
              + DeliveryFiles.describeRoots(exports)
              + "; name one as the run's source");
    }
    String root = exports.keySet().iterator().next();
    List<ObjectInfo> objects = exports.get(root);
    Map<String, ObjectInfo> present = new LinkedHashMap<>();
    objects.forEach(o -> present.put(o.key(), o));
    String anchor = "/" + root.substring(root.lastIndexOf('/', root.length() - 2) + 1);

    Map<String, List<ObjectInfo>> runFolders = new TreeMap<>();
    List<Delivery> deliveries = new ArrayList<>();
    for (ObjectInfo o : objects) {
      String rest = o.key().substring(root.length());
      int slash = rest.indexOf('/');
      if (slash < 0) {
        if (DeliveryFiles.isData(o.key())) {
          deliveries.add(new Delivery(o.updated(), rest, List.of(o)));
        }
      } else {
        runFolders.computeIfAbsent(rest.substring(0, slash), k -> new ArrayList<>()).add(o);
      }
    }
    runFolders.forEach(
        (run, files) -> {
          ObjectInfo manifest = present.get(root + run + "/manifest.json");
          if (manifest != null) {
            JsonNode json = DeliveryFiles.readJson(store, manifest.key());
            String submitted = DeliveryFiles.text(json, manifest.key(), "runInfo", "submittedTime");
            Instant at;
            try {
              at = Instant.parse(submitted);
            } catch (DateTimeParseException e) {
              throw new StageException(
                  StageError.UNKNOWN_LAYOUT,
                  manifest.key() + ": runInfo.submittedTime '" + submitted + "' is not an instant",
                  e);
            }
            String runId = DeliveryFiles.text(json, manifest.key(), "runInfo", "runId");
            List<ObjectInfo> blobs =
                DeliveryFiles.resolve(
                    DeliveryFiles.texts(json, manifest.key(), "blobs", "blobName"),
                    anchor,
                    root,
                    present,
                    manifest.key());
            deliveries.add(new Delivery(at, runId, blobs));
          } else {
            List<ObjectInfo> data =
                files.stream().filter(f -> DeliveryFiles.isData(f.key())).toList();
            if (!data.isEmpty()) {
              deliveries.add(new Delivery(Delivery.latest(data), run, data));
            }
          }
        });
    if (deliveries.isEmpty()) {
      throw new StageException(
          StageError.NO_SOURCE_FILES, root + ": holds no export data files for " + period);
    }
    return Delivery.newest(deliveries);
  }

  /** The key's prefix up to a month-to-date folder of {@code period}, or null. */
  private static String periodFolder(String key, BillingPeriod period) {
    String[] segments = key.split("/");
    int offset = 0;
    for (int i = 0; i < segments.length - 1; i++) {
      offset += segments[i].length() + 1;
      Matcher range = RANGE.matcher(segments[i]);
      if (range.matches() && covers(range, period)) {
        return key.substring(0, offset);
      }
    }
    return null;
  }

  private static boolean covers(Matcher range, BillingPeriod period) {
    try {
      LocalDate from = LocalDate.parse(range.group(1), DAY);
      LocalDate to = LocalDate.parse(range.group(2), DAY);
      return from.equals(period.month().atDay(1))
          && !to.isBefore(from)
          && !to.isAfter(period.month().atEndOfMonth());
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
