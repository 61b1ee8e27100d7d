package dev.convergence.gke.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules every container of every workload meets, in every overlay. */
class ContainerRulesTest {

  static List<String> overlays() {
    return RenderedOverlay.names().toList();
  }

  private record Named(String where, Container container, boolean init, PodSpec pod) {}

  private static List<Named> containers(RenderedOverlay overlay) {
    List<Named> all = new ArrayList<>();
    for (Map.Entry<String, PodTemplateSpec> entry : overlay.podTemplates().entrySet()) {
      PodSpec pod = entry.getValue().getSpec();
      pod.getInitContainers()
          .forEach(c -> all.add(new Named(entry.getKey() + " init " + c.getName(), c, true, pod)));
      pod.getContainers()
          .forEach(c -> all.add(new Named(entry.getKey() + " " + c.getName(), c, false, pod)));
    }
    assertThat(all).as("%s: containers", overlay).isNotEmpty();
    return all;
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyContainerRequestsAndLimitsCpuAndMemory(String name) {
    SoftAssertions soft = new SoftAssertions();
    for (Named n : containers(RenderedOverlay.of(name))) {
      var resources = n.container().getResources();
      soft.assertThat(resources).as("%s: resources", n.where()).isNotNull();
      if (resources == null) {
        continue;
      }
      for (String resource : List.of("cpu", "memory")) {
        Quantity request = resources.getRequests().get(resource);
        Quantity limit = resources.getLimits().get(resource);
        soft.assertThat(request).as("%s: %s request", n.where(), resource).isNotNull();
        soft.assertThat(limit).as("%s: %s limit", n.where(), resource).isNotNull();
        if (request != null && limit != null) {
          soft.assertThat(request.getNumericalAmount())
              .as("%s: %s request within its limit", n.where(), resource)
              .isPositive()
              .isLessThanOrEqualTo(limit.getNumericalAmount());
        }
      }
    }
    soft.assertAll();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyContainerHasStartupLivenessAndReadinessProbesOnDeclaredPorts(String name) {
    SoftAssertions soft = new SoftAssertions();
    for (Named n : containers(RenderedOverlay.of(name))) {
      if (n.init()) {
        continue; // Kubernetes forbids probes on init containers: they run to completion.
      }
      Container c = n.container();
      Set<String> ports = new HashSet<>();
      c.getPorts()
          .forEach(
              p -> {
                ports.add(String.valueOf(p.getContainerPort()));
                if (p.getName() != null) {
                  ports.add(p.getName());
                }
              });
      Map<String, Probe> probes = new java.util.LinkedHashMap<>();
      probes.put("startupProbe", c.getStartupProbe());
      probes.put("livenessProbe", c.getLivenessProbe());
      probes.put("readinessProbe", c.getReadinessProbe());
      probes.forEach(
          (kind, probe) -> {
            soft.assertThat(probe).as("%s: %s", n.where(), kind).isNotNull();
            if (probe == null) {
              return;
            }
            var port =
                probe.getHttpGet() != null
                    ? probe.getHttpGet().getPort()
                    : probe.getTcpSocket() != null ? probe.getTcpSocket().getPort() : null;
            soft.assertThat(port).as("%s: %s checks a port", n.where(), kind).isNotNull();
            if (port != null) {
              String portName =
                  port.getStrVal() != null ? port.getStrVal() : String.valueOf(port.getIntVal());
              soft.assertThat(ports).as("%s: %s port", n.where(), kind).contains(portName);
            }
          });
    }
    soft.assertAll();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyContainerRunsRestricted(String name) {
    SoftAssertions soft = new SoftAssertions();
    for (Named n : containers(RenderedOverlay.of(name))) {
      SecurityContext sc = n.container().getSecurityContext();
      soft.assertThat(sc).as("%s: securityContext", n.where()).isNotNull();
      if (sc == null) {
        continue;
      }
      soft.assertThat(sc.getRunAsNonRoot()).as("%s: runAsNonRoot", n.where()).isTrue();
      soft.assertThat(sc.getReadOnlyRootFilesystem())
          .as("%s: readOnlyRootFilesystem", n.where())
          .isTrue();
      soft.assertThat(sc.getAllowPrivilegeEscalation())
          .as("%s: allowPrivilegeEscalation", n.where())
          .isFalse();
      soft.assertThat(sc.getPrivileged())
          .as("%s: privileged", n.where())
          .isNotEqualTo(Boolean.TRUE);
      soft.assertThat(sc.getCapabilities()).as("%s: capabilities", n.where()).isNotNull();
      if (sc.getCapabilities() != null) {
        soft.assertThat(sc.getCapabilities().getDrop())
            .as("%s: capabilities dropped", n.where())
            .containsExactly("ALL");
        soft.assertThat(sc.getCapabilities().getAdd())
            .as("%s: capabilities added", n.where())
            .isEmpty();
      }
      soft.assertThat(sc.getSeccompProfile()).as("%s: seccompProfile", n.where()).isNotNull();
      if (sc.getSeccompProfile() != null) {
        soft.assertThat(sc.getSeccompProfile().getType())
            .as("%s: seccomp", n.where())
            .isEqualTo("RuntimeDefault");
      }
      var pod = n.pod();
      soft.assertThat(pod.getHostNetwork())
          .as("%s: hostNetwork", n.where())
          .isNotEqualTo(Boolean.TRUE);
      soft.assertThat(pod.getHostPID()).as("%s: hostPID", n.where()).isNotEqualTo(Boolean.TRUE);
      soft.assertThat(pod.getSecurityContext().getRunAsNonRoot())
          .as("%s: pod runAsNonRoot", n.where())
          .isTrue();
      soft.assertThat(pod.getSecurityContext().getSeccompProfile().getType())
          .as("%s: pod seccomp", n.where())
          .isEqualTo("RuntimeDefault");
    }
    soft.assertAll();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyVolumeMountNamesAVolumeOrClaimTemplate(String name) {
    RenderedOverlay overlay = RenderedOverlay.of(name);
    Map<String, Set<String>> volumesByWorkload = new java.util.HashMap<>();
    overlay
        .podTemplates()
        .forEach(
            (where, template) ->
                volumesByWorkload.put(
                    where,
                    new HashSet<>(
                        template.getSpec().getVolumes().stream().map(Volume::getName).toList())));
    for (StatefulSet set : overlay.all(StatefulSet.class)) {
      set.getSpec()
          .getVolumeClaimTemplates()
          .forEach(
              t ->
                  volumesByWorkload
                      .get("StatefulSet/" + set.getMetadata().getName())
                      .add(t.getMetadata().getName()));
    }
    SoftAssertions soft = new SoftAssertions();
    overlay
        .podTemplates()
        .forEach(
            (where, template) -> {
              List<Container> all = new ArrayList<>(template.getSpec().getInitContainers());
              all.addAll(template.getSpec().getContainers());
              for (Container c : all) {
                c.getVolumeMounts()
                    .forEach(
                        m ->
                            soft.assertThat(volumesByWorkload.get(where))
                                .as("%s %s: mount %s", where, c.getName(), m.getMountPath())
                                .contains(m.getName()));
              }
            });
    soft.assertAll();
  }

  /** Convergence's Flink image in a project's Artifact Registry repository `convergence`. */
  private static final Pattern PROJECT_IMAGE =
      Pattern.compile(
          "(?<region>[a-z]+-[a-z]+\\d+)-docker\\.pkg\\.dev/(?<project>[a-z][a-z0-9-]{4,28}[a-z0-9])"
              + "/convergence/flink:(?<tag>[^:/@]+)");

  @ParameterizedTest
  @MethodSource("overlays")
  void everyImageIsTheProjectsFlinkImageOfTheBuildsFlinkVersion(String name) {
    String flinkVersion = System.getProperty("flink.version");
    String javaRelease = System.getProperty("java.release");
    assertThat(flinkVersion).as("flink.version system property from the pom").isNotBlank();
    assertThat(javaRelease).as("java.release system property from the pom").isNotBlank();
    RenderedOverlay overlay = RenderedOverlay.of(name);
    String workloadIdentity =
        overlay
            .one(ServiceAccount.class, "flink")
            .getMetadata()
            .getAnnotations()
            .get("iam.gke.io/gcp-service-account");
    String project = workloadIdentity.substring(workloadIdentity.indexOf('@') + 1).split("\\.")[0];

    SoftAssertions soft = new SoftAssertions();
    for (Named n : containers(overlay)) {
      String image = n.container().getImage();
      Matcher m = PROJECT_IMAGE.matcher(image);
      soft.assertThat(m.matches())
          .as(
              "%s: image %s is <region>-docker.pkg.dev/<project>/convergence/flink:<tag>",
              n.where(), image)
          .isTrue();
      if (m.matches()) {
        soft.assertThat(m.group("project"))
            .as("%s: image %s from the overlay's project", n.where(), image)
            .isEqualTo(project);
        soft.assertThat(m.group("tag"))
            .as("%s: image %s carries the build's Flink version", n.where(), image)
            .isEqualTo(flinkVersion + "-java" + javaRelease);
      }
    }
    soft.assertAll();
  }
}
