package dev.convergence.gke.manifests;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a YAML stream of Kubernetes objects into fabric8's typed models, refusing anything it
 * cannot type exactly: an apiVersion/kind pair outside {@link #TYPES}, and any field the model does
 * not know. fabric8 models keep unknown fields in {@code additionalProperties} instead of failing,
 * so after binding every reachable model object is checked for leftovers.
 */
final class StrictManifestLoader {

  /** The kinds these manifests may use, by {@code apiVersion/kind}. */
  static final Map<String, Class<? extends HasMetadata>> TYPES =
      Map.ofEntries(
          Map.entry("v1/Namespace", Namespace.class),
          Map.entry("v1/ServiceAccount", ServiceAccount.class),
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("v1/ResourceQuota", ResourceQuota.class),
          Map.entry("v1/LimitRange", LimitRange.class),
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("apps/v1/StatefulSet", StatefulSet.class),
          Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
          Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          Map.entry("rbac.authorization.k8s.io/v1/Role", Role.class),
          Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class));

  private static final ObjectMapper MAPPER =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private StrictManifestLoader() {}

  static List<HasMetadata> load(String yaml) {
    List<HasMetadata> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> documents = MAPPER.readerFor(JsonNode.class).readValues(yaml)) {
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        if (document == null || document.isNull() || document.isEmpty()) {
          continue;
        }
        objects.add(bind(document));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return objects;
  }

  static HasMetadata bind(JsonNode document) {
    String key = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    String name = key + " " + document.path("metadata").path("name").asText("?");
    Class<? extends HasMetadata> type = TYPES.get(key);
    if (type == null) {
      throw new IllegalArgumentException(
          name + ": not a kind these manifests may use; known: " + TYPES.keySet());
    }
    HasMetadata object;
    try {
      object = MAPPER.treeToValue(document, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(name + ": " + e.getOriginalMessage(), e);
    }
    List<String> unknown = new ArrayList<>();
    findUnknownFields(
        object, "", unknown, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(name + ": unknown fields " + unknown);
    }
    return object;
  }

  /** Walks the model's bean getters, collecting every non-empty additionalProperties map. */
  private static void findUnknownFields(
      Object value, String path, List<String> unknown, Set<Object> seen) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> findUnknownFields(v, path + "[" + k + "]", unknown, seen));
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        findUnknownFields(item, path + "[" + i++ + "]", unknown, seen);
      }
      return;
    }
    if (value == null
        || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")
        || value.getClass().isEnum()
        || !seen.add(value)) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      String getterName = getter.getName();
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || !getterName.startsWith("get")
          || getterName.equals("getClass")) {
        continue;
      }
      Object property;
      try {
        property = getter.invoke(value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        continue; // a computed accessor, not a bound field
      }
      if (getterName.equals("getAdditionalProperties")) {
        if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
          unknown.add((path.isEmpty() ? "" : path + ".") + extra.keySet());
        }
        continue;
      }
      String field = Character.toLowerCase(getterName.charAt(3)) + getterName.substring(4);
      findUnknownFields(property, path.isEmpty() ? field : path + "." + field, unknown, seen);
    }
  }
}
