package dev.convergence.stages.ingest;

import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.store.ObjectInfo;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.stages.StageError;
import dev.convergence.stages.StageException;
import java.util.List;
import java.util.Set;

/**
 * Google Cloud billing-export extracts (JSON lines or CSV files, each the output of a query or
 * download of the append-only export table). Extracts overlap and all of them count (the processing
 * job removes exact duplicates), so there is no snapshot to choose. A file belongs to the period
 * when a folder on its path, or the source prefix itself, names the invoice month: {@code 2026-10},
 * {@code 202610}, or a partition such as {@code invoice_month=202610}.
 */
final class GcpFileSelector implements SourceSelector {

  private final Set<String> extensions;

  /**
   * @param extensions the data file kinds to read, such as {@code .jsonl} (compressed variants are
   *     found as well)
   */
  GcpFileSelector(Set<String> extensions) {
    this.extensions = Set.copyOf(extensions);
  }

  @Override
  public SelectedSource select(
      ObjectStore store, String prefix, List<ObjectInfo> listing, BillingPeriod period) {
    boolean prefixNamesPeriod = namesPeriod(prefix, period);
    List<SourceObject> files =
        listing.stream()
            .filter(o -> isWanted(o.key()))
            .filter(
                o ->
                    prefixNamesPeriod
                        || namesPeriod(
                            o.key().substring(prefix.length(), o.key().lastIndexOf('/') + 1),
                            period))
            .map(o -> new SourceObject(o, null))
            .toList();
    if (files.isEmpty()) {
      throw new StageException(
          StageError.NO_SOURCE_FILES,
          "no Google Cloud billing export files ("
              + String.join(", ", extensions.stream().sorted().toList())
              + ") for invoice month "
              + period
              + " under "
              + prefix
              + ": expected them under a folder named "
              + period
              + ", "
              + compact(period)
              + " or invoice_month="
              + compact(period));
    }
    return new SelectedSource(files, null);
  }

  private boolean isWanted(String key) {
    String name = DeliveryFiles.name(key).toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    for (String extension : extensions) {
      if (name.endsWith(extension)) {
        return true;
      }
    }
    return false;
  }

  private static boolean namesPeriod(String path, BillingPeriod period) {
    for (String segment : path.split("/")) {
      String value = segment.contains("=") ? segment.substring(segment.indexOf('=') + 1) : segment;
      if (value.equals(period.toString()) || value.equals(compact(period))) {
        return true;
      }
    }
    return false;
  }

  private static String compact(BillingPeriod period) {
    return period.toString().replace("-", "");
  }
}
