package dev.convergence.gke.manifests;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One overlay rendered by {@code kubectl kustomize} and loaded strictly into typed objects. */
final class RenderedOverlay {

  private static final Map<String, RenderedOverlay> CACHE = new ConcurrentHashMap<>();

  final String name;
  final List<HasMetadata> objects;

  private RenderedOverlay(String name, List<HasMetadata> objects) {
    this.name = name;
    this.objects = objects;
  }

  static Path k8sDir() {
    return Path.of(System.getProperty("k8s.dir", "k8s"));
  }

  /** The overlay directories under k8s/overlays, by name. */
  static Stream<String> names() {
    try (Stream<Path> dirs = Files.list(k8sDir().resolve("overlays"))) {
      return dirs
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RenderedOverlay of(String overlay) {
    return CACHE.computeIfAbsent(
        overlay,
        name ->
            new RenderedOverlay(
                name,
                StrictManifestLoader.load(kustomize(k8sDir().resolve("overlays").resolve(name)))));
  }

  /** Runs {@code kubectl kustomize dir} (offline) and returns the rendered YAML stream. */
  static String kustomize(Path dir) {
    try {
      Path errors = Files.createTempFile("kustomize", ".err");
      try {
        Process process =
            new ProcessBuilder("kubectl", "kustomize", dir.toString())
                .redirectError(errors.toFile())
                .start();
        process.getOutputStream().close();
        String yaml = new String(process.getInputStream().readAllBytes(), UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new AssertionError("kubectl kustomize " + dir + " did not finish in 2 minutes");
        }
        if (process.exitValue() != 0) {
          throw new AssertionError(
              "kubectl kustomize " + dir + " failed: " + Files.readString(errors, UTF_8));
        }
        return yaml;
      } finally {
        Files.deleteIfExists(errors);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> T one(Class<T> type, String name) {
    return find(type, name)
        .orElseThrow(
            () ->
                new AssertionError(
                    this.name + ": no " + type.getSimpleName() + " named " + name + " rendered"));
  }

  <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
    return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
  }

  /** Every pod template of a workload, named {@code Kind/name}. */
  Map<String, PodTemplateSpec> podTemplates() {
    Map<String, PodTemplateSpec> templates = new java.util.TreeMap<>();
    all(Deployment.class)
        .forEach(
            d ->
                templates.put(
                    "Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate()));
    all(StatefulSet.class)
        .forEach(
            s ->
                templates.put(
                    "StatefulSet/" + s.getMetadata().getName(), s.getSpec().getTemplate()));
    return templates;
  }

  @Override
  public String toString() {
    return name;
  }
}
