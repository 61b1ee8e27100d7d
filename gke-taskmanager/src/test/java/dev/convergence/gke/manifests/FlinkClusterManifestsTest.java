package dev.convergence.gke.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.math.BigDecimal;
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

/** The Flink session cluster's shape, in every overlay. */
class FlinkClusterManifestsTest {

  static final String NAMESPACE = "convergence-flink";
  static final String JOBMANAGER = "flink-jobmanager";
  static final String TASKMANAGER = "flink-taskmanager";
  static final String METRICS = "metrics";
  static final int METRICS_PORT = 9249;

  /**
   * Pods that do not live in these manifests but that the NetworkPolicies admit: the job that
   * submits a run's Flink job (started by the pipeline's process step) carries this label.
   */
  static final Map<String, String> SUBMITTER_LABELS =
      Map.of("convergence.dev/flink-client", "true");

  /**
   * Pods outside this namespace that a policy may name, by namespace: GKE's kube-dns, and the
   * collectors of Google Cloud Managed Service for Prometheus (labels as GKE deploys them).
   */
  static final Map<String, Map<String, String>> KNOWN_NAMESPACES =
      Map.of(
          "kube-system", Map.of("k8s-app", "kube-dns"),
          "gmp-system", Map.of("app.kubernetes.io/name", "collector"));

  static List<String> overlays() {
    return RenderedOverlay.names().toList();
  }

  private static List<Map<String, String>> podLabels(RenderedOverlay overlay) {
    List<Map<String, String>> labels = new ArrayList<>();
    overlay.podTemplates().values().forEach(t -> labels.add(t.getMetadata().getLabels()));
    return labels;
  }

  private static long podsMatching(RenderedOverlay overlay, LabelSelector selector) {
    return podLabels(overlay).stream().filter(l -> Selectors.matches(selector, l)).count();
  }

  private static Map<String, String> flinkConfig(RenderedOverlay overlay) {
    String shared = configMap(overlay, "flink-config").getData().get("config.yaml");
    String environment = configMap(overlay, "flink-environment").getData().get("config.yaml");
    assertThat(shared).as("%s: flink-config config.yaml", overlay).isNotBlank();
    assertThat(environment).as("%s: flink-environment config.yaml", overlay).isNotBlank();
    // The init container concatenates the two files: the result must be one valid mapping.
    ObjectMapper strictYaml =
        new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    try {
      JsonNode joined = strictYaml.readTree(shared + "\n" + environment);
      Map<String, String> config = new java.util.TreeMap<>();
      joined.properties().forEach(e -> config.put(e.getKey(), e.getValue().asText()));
      return config;
    } catch (IOException e) {
      throw new AssertionError(
          overlay + ": the joined Flink config.yaml is not valid: " + e.getMessage(), e);
    }
  }

  private static ConfigMap configMap(RenderedOverlay overlay, String prefix) {
    return overlay.all(ConfigMap.class).stream()
        .filter(c -> c.getMetadata().getName().startsWith(prefix + "-"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(overlay + ": no ConfigMap " + prefix));
  }

  private static Container mainContainer(PodTemplateSpec template) {
    return template.getSpec().getContainers().get(0);
  }

  /** A Flink memory size (1024m, 4g, 512mb, 2048k) in bytes. */
  static BigDecimal flinkBytes(String size) {
    Matcher m =
        Pattern.compile("(\\d+)\\s*([kmgt]?)b?", Pattern.CASE_INSENSITIVE).matcher(size.trim());
    assertThat(m.matches()).as("Flink memory size %s", size).isTrue();
    int power = "bkmgt".indexOf(m.group(2).isEmpty() ? "b" : m.group(2).toLowerCase());
    return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void theNamespaceEnforcesTheRestrictedPodSecurityStandard(String name) {
    RenderedOverlay overlay = RenderedOverlay.of(name);
    Namespace namespace = overlay.one(Namespace.class, NAMESPACE);

    assertThat(namespace.getMetadata().getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    assertThat(overlay.objects)
        .filteredOn(o -> !(o instanceof Namespace))
        .allSatisfy(
            o ->
                assertThat(o.getMetadata().getNamespace())
                    .as(o.getFullResourceName())
                    .isEqualTo(NAMESPACE));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void theJobManagerIsHighlyAvailable(String name) {
    RenderedOverlay overlay = RenderedOverlay.of(name);
    Deployment jobManager = overlay.one(Deployment.class, JOBMANAGER);
    PodTemplateSpec pod = jobManager.getSpec().getTemplate();
    Map<String, String> config = flinkConfig(overlay);

    assertThat(jobManager.getSpec().getReplicas())
        .as("a leader and a standby")
        .isGreaterThanOrEqualTo(2);
    assertThat(config)
        .containsEntry("high-availability.type", "kubernetes")
        .containsEntry("kubernetes.namespace", NAMESPACE)
        .containsKey("kubernetes.cluster-id");
    List<PodAffinityTerm> spread =
        pod.getSpec()
            .getAffinity()
            .getPodAntiAffinity()
            .getRequiredDuringSchedulingIgnoredDuringExecution();
    assertThat(spread)
        .as("JobManagers on different nodes")
        .anySatisfy(
            term -> {
              assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
              assertThat(Selectors.matches(term.getLabelSelector(), pod.getMetadata().getLabels()))
                  .isTrue();
            });
    assertThat(mainContainer(pod).getArgs()).containsExactly("jobmanager", "$(POD_IP)");
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void stateCheckpointsSavepointsAndHaMetadataLiveInCloudStorage(String name) {
    Map<String, String> config = flinkConfig(RenderedOverlay.of(name));

    assertThat(config.get("state.backend.type")).isEqualTo("rocksdb");
    for (String key :
        List.of(
            "high-availability.storageDir",
            "execution.checkpointing.dir",
            "execution.checkpointing.savepoint-dir")) {
      assertThat(config.get(key)).as(key).matches("gs://[a-z0-9][a-z0-9._-]+[a-z0-9]/\\S+");
    }
    assertThat(config.get("execution.checkpointing.local-backup.enabled")).isEqualTo("true");
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void taskManagersKeepWorkingStateOnTheirOwnVolumes(String name) {
    RenderedOverlay overlay = RenderedOverlay.of(name);
    StatefulSet taskManagers = overlay.one(StatefulSet.class, TASKMANAGER);
    Map<String, String> config = flinkConfig(overlay);

    List<PersistentVolumeClaim> claims = taskManagers.getSpec().getVolumeClaimTemplates();
    assertThat(claims).as("volumeClaimTemplates").isNotEmpty();
    PersistentVolumeClaim claim = claims.get(0);
    assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
    assertThat(claim.getSpec().getStorageClassName()).isNotBlank();
    assertThat(claim.getSpec().getResources().getRequests().get("storage").getNumericalAmount())
        .isPositive();

    Container taskManager = mainContainer(taskManagers.getSpec().getTemplate());
    String mount =
        taskManager.getVolumeMounts().stream()
            .filter(m -> m.getName().equals(claim.getMetadata().getName()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the TaskManager does not mount its claim"))
            .getMountPath();
    assertThat(config.get("process.taskmanager.working-dir"))
        .as("working dir on the volume")
        .startsWith(mount + "/");
    assertThat(taskManager.getArgs())
        .as("a stable resource id, so local recovery finds its files after a restart")
        .contains("-Dtaskmanager.resource-id=$(POD_NAME)");

    Service headless = overlay.one(Service.class, taskManagers.getSpec().getServiceName());
    assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void memorySizesFitTheContainers(String name) {
    RenderedOverlay overlay = RenderedOverlay.of(name);
    Map<String, String> config = flinkConfig(overlay);
    Map<String, PodTemplateSpec> pods =
        Map.of(
            "jobmanager", overlay.one(Deployment.class, JOBMANAGER).getSpec().getTemplate(),
            "taskmanager", overlay.one(StatefulSet.class, TASKMANAGER).getSpec().getTemplate());

    pods.forEach(
        (role, pod) -> {
          String size = config.get(role + ".memory.process.size");
          assertThat(size).as("%s.memory.process.size", role).isNotBlank();
          BigDecimal limit =
              mainContainer(pod).getResources().getLimits().get("memory").getNumericalAmount();
          assertThat(flinkBytes(size))
              .as("%s process size within the container limit", role)
              .isLessThanOrEqualTo(limit);
        });
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void theConfiguredPortsAreTheDeclaredOnes(String name) {
    RenderedOverlay overlay = RenderedOverlay.of(name);
    Map<String, String> config = flinkConfig(overlay);
    Set<Integer> jobManagerPorts =
        ports(mainContainer(overlay.one(Deployment.class, JOBMANAGER).getSpec().getTemplate()));
    Set<Integer> taskManagerPorts =
        ports(mainContainer(overlay.one(StatefulSet.class, TASKMANAGER).getSpec().getTemplate()));

    assertThat(jobManagerPorts)
        .contains(
            Integer.valueOf(config.get("jobmanager.rpc.port")),
            Integer.valueOf(config.get("blob.server.port")),
            Integer.valueOf(config.get("rest.port")),
            Integer.valueOf(config.get("metrics.reporter.prom.port")));
    assertThat(taskManagerPorts)
        .contains(
            Integer.valueOf(config.get("taskmanager.rpc.port")),
            Integer.valueOf(config.get("taskmanager.data.port")),
            Integer.valueOf(config.get("metrics.internal.query-service.port")),
            Integer.valueOf(config.get("metrics.reporter.prom.port")));
  }

  private static Set<Integer> ports(Container container) {
    Set<Integer> ports = new HashSet<>();
    container.getPorts().stream().map(ContainerPort::getContainerPort).forEach(ports::add);
    return ports;
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyConfigMapVolumeNamesARenderedConfigMap(String name) {
    RenderedOverlay overlay = RenderedOverlay.of(name);
    Set<String> configMaps = new HashSet<>();
    overlay.all(ConfigMap.class).forEach(c -> configMaps.add(c.getMetadata().getName()));

    overlay
        .podTemplates()
        .forEach(
            (where, pod) ->
                pod.getSpec().getVolumes().stream()
                    .map(Volume::getConfigMap)
                    .filter(java.util.Objects::nonNull)
                    .forEach(v -> assertThat(configMaps).as(where).contains(v.getName())));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void disruptionBudgetsCoverRealPodsAndLeaveRoomToDrain(String name) {
    RenderedOverlay overlay = RenderedOverlay.of(name);
    PodDisruptionBudget jobManagers = overlay.one(PodDisruptionBudget.class, JOBMANAGER);
    PodDisruptionBudget taskManagers = overlay.one(PodDisruptionBudget.class, TASKMANAGER);
    HorizontalPodAutoscaler autoscaler = overlay.one(HorizontalPodAutoscaler.class, TASKMANAGER);

    assertThat(jobManagers.getSpec().getMinAvailable().getIntVal()).isGreaterThanOrEqualTo(1);
    assertThat(taskManagers.getSpec().getMinAvailable().getIntVal()).isGreaterThanOrEqualTo(2);
    assertThat(
            Selectors.matches(
                jobManagers.getSpec().getSelector(),
                overlay
                    .one(Deployment.class, JOBMANAGER)
                    .getSpec()
                    .getTemplate()
                    .getMetadata()
                    .getLabels()))
        .as("JobManager budget selects the JobManager pods")
        .isTrue();
    assertThat(
            Selectors.matches(
                taskManagers.getSpec().getSelector(),
                overlay
                    .one(StatefulSet.class, TASKMANAGER)
                    .getSpec()
                    .getTemplate()
                    .getMetadata()
                    .getLabels()))
        .as("TaskManager budget selects the TaskManager pods")
        .isTrue();
    for (PodDisruptionBudget budget : overlay.all(PodDisruptionBudget.class)) {
      assertThat(podsMatching(overlay, budget.getSpec().getSelector()))
          .as("%s selects exactly one workload's pods", budget.getMetadata().getName())
          .isEqualTo(1);
    }
    assertThat(overlay.one(Deployment.class, JOBMANAGER).getSpec().getReplicas())
        .as("a node can drain with the JobManager budget met")
        .isGreaterThan(jobManagers.getSpec().getMinAvailable().getIntVal());
    assertThat(autoscaler.getSpec().getMinReplicas())
        .as("a node can drain with the TaskManager budget met")
        .isGreaterThan(taskManagers.getSpec().getMinAvailable().getIntVal());
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void theAutoscalerScalesTheTaskManagers(String name) {
    RenderedOverlay overlay = RenderedOverlay.of(name);
    HorizontalPodAutoscaler autoscaler = overlay.one(HorizontalPodAutoscaler.class, TASKMANAGER);
    StatefulSet taskManagers = overlay.one(StatefulSet.class, TASKMANAGER);

    var target = autoscaler.getSpec().getScaleTargetRef();
    assertThat(target.getApiVersion() + "/" + target.getKind() + "/" + target.getName())
        .isEqualTo("apps/v1/StatefulSet/" + TASKMANAGER);
    assertThat(autoscaler.getSpec().getMaxReplicas())
        .isGreaterThanOrEqualTo(autoscaler.getSpec().getMinReplicas());
    assertThat(taskManagers.getSpec().getReplicas())
        .isBetween(autoscaler.getSpec().getMinReplicas(), autoscaler.getSpec().getMaxReplicas());
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void servicesSelectRealPodsOnDeclaredPorts(String name) {
    RenderedOverlay overlay = RenderedOverlay.of(name);
    for (Service service : overlay.all(Service.class)) {
      LabelSelector selector = new LabelSelector(null, service.getSpec().getSelector());
      List<PodTemplateSpec> pods =
          overlay.podTemplates().values().stream()
              .filter(p -> Selectors.matches(selector, p.getMetadata().getLabels()))
              .toList();
      assertThat(pods).as("pods of Service %s", service.getMetadata().getName()).isNotEmpty();
      for (var port : service.getSpec().getPorts()) {
        String target = port.getTargetPort().getStrVal();
        for (PodTemplateSpec pod : pods) {
          assertThat(mainContainer(pod).getPorts())
              .extracting(ContainerPort::getName)
              .as("Service %s targetPort", service.getMetadata().getName())
              .contains(target);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void networkPoliciesDenyByDefaultAndSelectRealPods(String name) {
    RenderedOverlay overlay = RenderedOverlay.of(name);
    List<NetworkPolicy> policies = overlay.all(NetworkPolicy.class);
    List<Map<String, String>> pods = new ArrayList<>(podLabels(overlay));
    pods.add(SUBMITTER_LABELS);

    assertThat(policies)
        .as("a default deny of all ingress and egress")
        .anySatisfy(
            p -> {
              assertThat(Selectors.isEmpty(p.getSpec().getPodSelector())).isTrue();
              assertThat(p.getSpec().getPolicyTypes())
                  .containsExactlyInAnyOrder("Ingress", "Egress");
              assertThat(p.getSpec().getIngress()).isEmpty();
              assertThat(p.getSpec().getEgress()).isEmpty();
            });

    SoftAssertions soft = new SoftAssertions();
    for (NetworkPolicy policy : policies) {
      String where = "NetworkPolicy " + policy.getMetadata().getName();
      LabelSelector target = policy.getSpec().getPodSelector();
      soft.assertThat(
              Selectors.isEmpty(target)
                  || pods.stream().anyMatch(l -> Selectors.matches(target, l)))
          .as("%s: podSelector %s matches real pods", where, target)
          .isTrue();
      List<NetworkPolicyPeer> peers = new ArrayList<>();
      policy.getSpec().getIngress().forEach(r -> peers.addAll(r.getFrom()));
      policy.getSpec().getEgress().forEach(r -> peers.addAll(r.getTo()));
      for (NetworkPolicyPeer peer : peers) {
        if (peer.getIpBlock() != null) {
          continue;
        }
        if (peer.getNamespaceSelector() != null) {
          String namespace =
              peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
          soft.assertThat(KNOWN_NAMESPACES).as("%s: peer namespace", where).containsKey(namespace);
          Map<String, String> external = KNOWN_NAMESPACES.getOrDefault(namespace, Map.of());
          soft.assertThat(Selectors.matches(peer.getPodSelector(), external))
              .as("%s: peer %s matches the %s pods", where, peer.getPodSelector(), namespace)
              .isTrue();
        } else {
          soft.assertThat(pods.stream().anyMatch(l -> Selectors.matches(peer.getPodSelector(), l)))
              .as("%s: peer %s matches real pods", where, peer.getPodSelector())
              .isTrue();
        }
      }
    }
    soft.assertAll();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyFlinkPortIsReachableFromSomewhere(String name) {
    RenderedOverlay overlay = RenderedOverlay.of(name);
    SoftAssertions soft = new SoftAssertions();
    overlay
        .podTemplates()
        .forEach(
            (where, pod) -> {
              Set<Integer> admitted = new HashSet<>();
              for (NetworkPolicy policy : overlay.all(NetworkPolicy.class)) {
                if (Selectors.matches(
                    policy.getSpec().getPodSelector(), pod.getMetadata().getLabels())) {
                  policy.getSpec().getIngress().stream()
                      .flatMap(r -> r.getPorts().stream())
                      .forEach(p -> admitted.add(containerPort(pod, p)));
                }
              }
              soft.assertThat(admitted)
                  .as("%s: ports admitted by some policy", where)
                  .containsAll(ports(mainContainer(pod)));
            });
    soft.assertAll();
  }

  /** A policy port as the pod's port number: a named port is looked up in its main container. */
  private static Integer containerPort(PodTemplateSpec pod, NetworkPolicyPort port) {
    if (port.getPort().getStrVal() == null) {
      return port.getPort().getIntVal();
    }
    return mainContainer(pod).getPorts().stream()
        .filter(p -> port.getPort().getStrVal().equals(p.getName()))
        .map(ContainerPort::getContainerPort)
        .findFirst()
        .orElse(null);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyFlinkPodServesPrometheusMetricsThatTheManagedCollectorsMayScrape(String name) {
    RenderedOverlay overlay = RenderedOverlay.of(name);
    Map<String, String> config = flinkConfig(overlay);

    assertThat(config)
        .containsEntry(
            "metrics.reporter.prom.factory.class",
            "org.apache.flink.metrics.prometheus.PrometheusReporterFactory")
        .containsEntry("metrics.reporter.prom.port", String.valueOf(METRICS_PORT));
    SoftAssertions soft = new SoftAssertions();
    overlay
        .podTemplates()
        .forEach(
            (where, pod) -> {
              soft.assertThat(mainContainer(pod).getPorts())
                  .as("%s: the named metrics port", where)
                  .anySatisfy(
                      p -> {
                        assertThat(p.getName()).isEqualTo(METRICS);
                        assertThat(p.getContainerPort()).isEqualTo(METRICS_PORT);
                      });
              soft.assertThat(pod.getMetadata().getAnnotations())
                  .as("%s: scrape annotations", where)
                  .containsEntry("prometheus.io/scrape", "true")
                  .containsEntry("prometheus.io/port", String.valueOf(METRICS_PORT))
                  .containsEntry("prometheus.io/path", "/metrics");
              soft.assertThat(collectorPortsAdmitted(overlay, pod))
                  .as("%s: ports the gmp-system collectors may reach", where)
                  .containsExactly(METRICS);
            });
    soft.assertAll();
  }

  /** The ports of {@code pod} that a policy opens to the managed Prometheus collectors. */
  private static List<String> collectorPortsAdmitted(RenderedOverlay overlay, PodTemplateSpec pod) {
    List<String> ports = new ArrayList<>();
    for (NetworkPolicy policy : overlay.all(NetworkPolicy.class)) {
      if (!Selectors.matches(policy.getSpec().getPodSelector(), pod.getMetadata().getLabels())) {
        continue;
      }
      for (var rule : policy.getSpec().getIngress()) {
        boolean fromCollectors =
            rule.getFrom().stream()
                .anyMatch(
                    peer ->
                        peer.getNamespaceSelector() != null
                            && "gmp-system"
                                .equals(
                                    peer.getNamespaceSelector()
                                        .getMatchLabels()
                                        .get("kubernetes.io/metadata.name"))
                            && Selectors.matches(
                                peer.getPodSelector(), KNOWN_NAMESPACES.get("gmp-system")));
        if (fromCollectors) {
          rule.getPorts().forEach(p -> ports.add(p.getPort().getStrVal()));
        }
      }
    }
    return ports;
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void thePodMonitoringScrapesEveryFlinkPodOnItsMetricsPort(String name) throws IOException {
    RenderedOverlay overlay = RenderedOverlay.of(name);
    JsonNode monitoring =
        new ObjectMapper(new YAMLFactory())
            .readTree(RenderedOverlay.k8sDir().resolve("monitoring/pod-monitoring.yaml").toFile());

    assertThat(monitoring.path("apiVersion").asText()).isEqualTo("monitoring.googleapis.com/v1");
    assertThat(monitoring.path("kind").asText()).isEqualTo("PodMonitoring");
    assertThat(monitoring.path("metadata").path("namespace").asText()).isEqualTo(NAMESPACE);
    Map<String, String> matchLabels = new java.util.TreeMap<>();
    monitoring
        .path("spec")
        .path("selector")
        .path("matchLabels")
        .properties()
        .forEach(e -> matchLabels.put(e.getKey(), e.getValue().asText()));
    LabelSelector selector = new LabelSelector(null, matchLabels);
    assertThat(monitoring.path("spec").path("endpoints"))
        .extracting(e -> e.path("port").asText())
        .containsExactly(METRICS);
    assertThat(overlay.podTemplates())
        .as("Flink pods the PodMonitoring selects")
        .allSatisfy(
            (where, pod) ->
                assertThat(Selectors.matches(selector, pod.getMetadata().getLabels()))
                    .as(where)
                    .isTrue());
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void theImageEntrypointEnablesTheGsPluginInAWritablePluginsDirectory(String name) {
    RenderedOverlay overlay = RenderedOverlay.of(name);
    SoftAssertions soft = new SoftAssertions();
    overlay
        .podTemplates()
        .forEach(
            (where, pod) -> {
              Container main = mainContainer(pod);
              soft.assertThat(main.getCommand())
                  .as("%s: the image's entrypoint runs (it links ENABLE_BUILT_IN_PLUGINS)", where)
                  .isEmpty();
              String plugins =
                  main.getVolumeMounts().stream()
                      .filter(m -> m.getMountPath().equals("/opt/flink/plugins"))
                      .map(m -> m.getName())
                      .findFirst()
                      .orElse(null);
              soft.assertThat(plugins).as("%s: /opt/flink/plugins is a volume", where).isNotNull();
              soft.assertThat(pod.getSpec().getVolumes())
                  .as("%s: the plugins volume is writable", where)
                  .anySatisfy(
                      v -> {
                        assertThat(v.getName()).isEqualTo(plugins);
                        assertThat(v.getEmptyDir()).isNotNull();
                      });
              for (Container init : pod.getSpec().getInitContainers()) {
                soft.assertThat(String.join(" ", init.getArgs()))
                    .as(
                        "%s init %s: the gs plugin is enabled once, by the image",
                        where, init.getName())
                    .doesNotContain("flink-gs-fs-hadoop");
              }
            });
    soft.assertAll();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void theServiceAccountActsAsTheGoogleOneWithTheHaRbac(String name) {
    RenderedOverlay overlay = RenderedOverlay.of(name);
    ServiceAccount account = overlay.one(ServiceAccount.class, "flink");
    Role role = overlay.one(Role.class, "flink-ha");
    RoleBinding binding = overlay.one(RoleBinding.class, "flink-ha");

    assertThat(account.getMetadata().getAnnotations().get("iam.gke.io/gcp-service-account"))
        .matches("convergence-flink@[a-z][a-z0-9-]{4,28}[a-z0-9]\\.iam\\.gserviceaccount\\.com");
    assertThat(role.getRules())
        .anySatisfy(
            rule -> {
              assertThat(rule.getResources()).contains("configmaps");
              assertThat(rule.getVerbs())
                  .contains("create", "get", "list", "watch", "update", "delete");
            });
    assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
    assertThat(binding.getSubjects())
        .anySatisfy(
            s -> assertThat(s.getKind() + "/" + s.getName()).isEqualTo("ServiceAccount/flink"));
    overlay
        .podTemplates()
        .forEach(
            (where, pod) ->
                assertThat(pod.getSpec().getServiceAccountName()).as(where).isEqualTo("flink"));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void theQuotaFitsTheClusterAtItsLargest(String name) {
    RenderedOverlay overlay = RenderedOverlay.of(name);
    Map<String, Quantity> hard = overlay.one(ResourceQuota.class, "flink").getSpec().getHard();
    Deployment jobManager = overlay.one(Deployment.class, JOBMANAGER);
    StatefulSet taskManagers = overlay.one(StatefulSet.class, TASKMANAGER);
    int maxTaskManagers =
        overlay.one(HorizontalPodAutoscaler.class, TASKMANAGER).getSpec().getMaxReplicas();
    int jobManagers = jobManager.getSpec().getReplicas();

    for (String kind : List.of("requests", "limits")) {
      for (String resource : List.of("cpu", "memory")) {
        BigDecimal needed =
            podTotal(jobManager.getSpec().getTemplate(), kind, resource)
                .multiply(BigDecimal.valueOf(jobManagers))
                .add(
                    podTotal(taskManagers.getSpec().getTemplate(), kind, resource)
                        .multiply(BigDecimal.valueOf(maxTaskManagers)));
        assertThat(needed)
            .as("%s.%s at %d TaskManagers", kind, resource, maxTaskManagers)
            .isLessThanOrEqualTo(hard.get(kind + "." + resource).getNumericalAmount());
      }
    }
    BigDecimal storage =
        taskManagers
            .getSpec()
            .getVolumeClaimTemplates()
            .get(0)
            .getSpec()
            .getResources()
            .getRequests()
            .get("storage")
            .getNumericalAmount();
    assertThat(storage.multiply(BigDecimal.valueOf(maxTaskManagers)))
        .isLessThanOrEqualTo(hard.get("requests.storage").getNumericalAmount());
    assertThat(new BigDecimal(hard.get("persistentvolumeclaims").getAmount()))
        .isGreaterThanOrEqualTo(BigDecimal.valueOf(maxTaskManagers));
    assertThat(new BigDecimal(hard.get("pods").getAmount()))
        .isGreaterThanOrEqualTo(BigDecimal.valueOf(jobManagers + maxTaskManagers));
  }

  /** A pod's effective need: the larger of its biggest init container and its containers' sum. */
  private static BigDecimal podTotal(PodTemplateSpec pod, String kind, String resource) {
    BigDecimal containers = BigDecimal.ZERO;
    for (Container c : pod.getSpec().getContainers()) {
      containers = containers.add(amount(c, kind, resource));
    }
    BigDecimal init = BigDecimal.ZERO;
    for (Container c : pod.getSpec().getInitContainers()) {
      init = init.max(amount(c, kind, resource));
    }
    return containers.max(init);
  }

  private static BigDecimal amount(Container c, String kind, String resource) {
    Map<String, Quantity> values =
        kind.equals("requests") ? c.getResources().getRequests() : c.getResources().getLimits();
    return values.get(resource).getNumericalAmount();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyObjectIsPartOfConvergence(String name) {
    for (HasMetadata object : RenderedOverlay.of(name).objects) {
      assertThat(object.getMetadata().getLabels())
          .as(object.getFullResourceName() + " " + object.getMetadata().getName())
          .containsEntry("app.kubernetes.io/part-of", "convergence");
    }
  }
}
