package dev.convergence.stages.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convergence.core.store.ObjectInfo;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.store.StoredObject;
import dev.convergence.stages.StageError;
import dev.convergence.stages.StageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Helpers the selectors share: which keys are data, reading a provider's JSON manifest. */
final class DeliveryFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DeliveryFiles() {}

  /** Whether the key names billing data (CSV, JSON lines or Parquet, maybe gzip or zip). */
  static boolean isData(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    for (String suffix : List.of(".gz", ".zip", ".snappy")) {
      if (name.endsWith(suffix)) {
        name = name.substring(0, name.length() - suffix.length());
      }
    }
    return name.endsWith(".csv")
        || name.endsWith(".jsonl")
        || name.endsWith(".json") && !name.endsWith("manifest.json")
        || name.endsWith(".parquet");
  }

  /** The last segment of a key. */
  static String name(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }

  /** Groups keys by {@code root}, in key order; a key {@code root} gives null is left out. */
  static Map<String, List<ObjectInfo>> byRoot(
      List<ObjectInfo> listing, Function<String, String> root) {
    Map<String, List<ObjectInfo>> groups = new TreeMap<>();
    for (ObjectInfo info : listing) {
      String r = root.apply(info.key());
      if (r != null) {
        groups.computeIfAbsent(r, k -> new ArrayList<>()).add(info);
      }
    }
    return groups;
  }

  /** Reads a provider's JSON manifest. */
  static JsonNode readJson(ObjectStore store, String key) {
    Optional<StoredObject> object = store.read(key);
    if (object.isEmpty()) {
      throw new StageException(
          StageError.INCOMPLETE_DELIVERY, key + ": the delivery manifest disappeared while read");
    }
    try {
      JsonNode node = JSON.readTree(object.get().content());
      if (node == null || !node.isObject()) {
        throw new StageException(StageError.UNKNOWN_LAYOUT, key + ": is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new StageException(
          StageError.UNKNOWN_LAYOUT, key + ": is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** A text field of a provider's manifest, or an error naming the manifest and the field. */
  static String text(JsonNode manifest, String manifestKey, String... path) {
    JsonNode node = manifest;
    for (String field : path) {
      node = node.path(field);
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      throw new StageException(
          StageError.UNKNOWN_LAYOUT,
          manifestKey + ": " + String.join(".", path) + " is missing or not text");
    }
    return node.asText();
  }

  /** A list of text values of a provider's manifest (each element's {@code field}, if given). */
  static List<String> texts(JsonNode manifest, String manifestKey, String array, String field) {
    JsonNode node = manifest.path(array);
    if (!node.isArray()) {
      throw new StageException(
          StageError.UNKNOWN_LAYOUT, manifestKey + ": " + array + " is missing or not a list");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode element : node) {
      JsonNode value = field == null ? element : element.path(field);
      if (!value.isTextual()) {
        throw new StageException(
            StageError.UNKNOWN_LAYOUT,
            manifestKey
                + ": "
                + array
                + (field == null ? "" : "[]." + field)
                + " has an element that is not text");
      }
      values.add(value.asText());
    }
    return values;
  }

  /**
   * The objects a provider manifest lists, found in the store: each listed path is matched by its
   * part after {@code anchor} (the billing-period folder), resolved under {@code root}, because the
   * manifest names the provider's own bucket and prefix, not where the files landed here.
   */
  static List<ObjectInfo> resolve(
      List<String> listed,
      String anchor,
      String root,
      Map<String, ObjectInfo> present,
      String manifestKey) {
    List<ObjectInfo> files = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String path : listed) {
      int at = path.indexOf(anchor);
      if (at < 0) {
        throw new StageException(
            StageError.UNKNOWN_LAYOUT,
            manifestKey + ": lists " + path + ", which is not under a " + anchor + " folder");
      }
      String key = root + path.substring(at + anchor.length());
      ObjectInfo info = present.get(key);
      if (info == null) {
        missing.add(key);
      } else {
        files.add(info);
      }
    }
    if (!missing.isEmpty()) {
      throw new StageException(
          StageError.INCOMPLETE_DELIVERY,
          manifestKey
              + ": lists "
              + missing.size()
              + " object(s) that are not in the store (the copy may still be running): "
              + String.join(", ", missing));
    }
    if (files.isEmpty()) {
      throw new StageException(StageError.NO_SOURCE_FILES, manifestKey + ": lists no data files");
    }
    return files;
  }

  static String describeRoots(Map<String, ?> roots) {
    return String.join(", ", roots.keySet());
  }
}
