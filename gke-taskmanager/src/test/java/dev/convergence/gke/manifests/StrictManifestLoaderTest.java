package dev.convergence.gke.manifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StrictManifestLoaderTest {

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: demo
      spec:
        selector:
          matchLabels: {app: demo}
        template:
          metadata:
            labels: {app: demo}
          spec:
            containers:
              - name: demo
                image: flink
                securityContext:
                  %s: true
      """;

  static List<String> overlays() {
    return RenderedOverlay.names().toList();
  }

  @Test
  void thereAreDevAndProdOverlays() {
    assertThat(overlays()).contains("dev", "prod");
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyRenderedObjectLoadsIntoItsTypedModel(String overlay) {
    List<HasMetadata> objects = RenderedOverlay.of(overlay).objects;

    assertThat(objects).isNotEmpty().noneMatch(GenericKubernetesResource.class::isInstance);
    assertThat(objects)
        .extracting(HasMetadata::getKind)
        .contains(
            "Namespace",
            "ServiceAccount",
            "Role",
            "RoleBinding",
            "ConfigMap",
            "Deployment",
            "StatefulSet",
            "Service",
            "PodDisruptionBudget",
            "HorizontalPodAutoscaler",
            "NetworkPolicy",
            "ResourceQuota",
            "LimitRange");
  }

  @Test
  void aKnownFieldLoads() {
    List<HasMetadata> objects =
        StrictManifestLoader.load(DEPLOYMENT.formatted("readOnlyRootFilesystem"));

    assertThat(objects).singleElement().isInstanceOf(Deployment.class);
  }

  @Test
  void aMisspeltNestedFieldFails() {
    assertThatThrownBy(
            () -> StrictManifestLoader.load(DEPLOYMENT.formatted("readOnlyRootFileSystem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apps/v1/Deployment demo")
        .hasMessageContaining("readOnlyRootFileSystem");
  }

  @Test
  void aMisspeltTopLevelFieldFails() {
    String yaml =
        DEPLOYMENT.formatted("runAsNonRoot").replace("spec:\n  selector", "sepc:\n  selector");

    assertThatThrownBy(() -> StrictManifestLoader.load(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sepc");
  }

  @Test
  void aKindWithoutATypedModelFails() {
    String yaml =
        """
        apiVersion: monitoring.googleapis.com/v1
        kind: PodMonitoring
        metadata: {name: flink}
        spec: {}
        """;

    assertThatThrownBy(() -> StrictManifestLoader.load(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a kind these manifests may use");
  }

  @Test
  void anOutdatedApiVersionFails() {
    String yaml = DEPLOYMENT.formatted("runAsNonRoot").replace("apps/v1", "extensions/v1beta1");

    assertThatThrownBy(() -> StrictManifestLoader.load(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("extensions/v1beta1/Deployment");
  }

  @Test
  void aDuplicateKeyFails() {
    String yaml =
        DEPLOYMENT
            .formatted("runAsNonRoot")
            .replace("  name: demo\n", "  name: demo\n  name: again\n");

    assertThatThrownBy(() -> StrictManifestLoader.load(yaml)).hasMessageContaining("name");
  }
}
