package dev.convergence.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * What {@code terraform validate} would catch that formatting does not, checked on the parsed HCL,
 * plus the project's security rules.
 */
class TerraformConfigurationTest {

  private static final Set<String> META_ARGUMENTS =
      Set.of("source", "version", "depends_on", "providers", "count", "for_each");
  private static final Pattern IAM_RESOURCE =
      Pattern.compile("google_[a-z0-9_]*_iam_(member|binding|policy)");
  private static final Pattern BASIC_ROLE =
      Pattern.compile("(?<![\\w.])roles/(owner|editor|viewer)(?![\\w.])");
  private static final Pattern PUBLIC_MEMBER = Pattern.compile("\\ball(Authenticated)?Users\\b");

  private final ParsedConfiguration config = ParsedConfiguration.load();

  private Set<String> references(String module, Pattern pattern) {
    Set<String> found = new TreeSet<>();
    config
        .files(module)
        .forEach(
            f -> ParsedConfiguration.strings(f, s -> found.addAll(References.find(pattern, s))));
    return found;
  }

  @Test
  void theRootAndEveryModuleAreParsed() {
    assertThat(config.modules.keySet())
        .contains(
            "",
            "modules/project-services",
            "modules/network",
            "modules/gke",
            "modules/storage",
            "modules/bigquery",
            "modules/pubsub",
            "modules/functions",
            "modules/workflow",
            "modules/run-jobs",
            "modules/scheduler",
            "modules/secrets",
            "modules/monitoring",
            "modules/service-accounts");
    assertThat(config.variableFiles)
        .containsKeys("environments/dev.tfvars", "environments/prod.tfvars");
  }

  @Test
  void everyVariableReferencedIsDeclaredAndEveryDeclaredOneIsUsed() {
    SoftAssertions soft = new SoftAssertions();
    for (String module : config.modules.keySet()) {
      Set<String> declared = new TreeSet<>(config.declared(module, "variable"));
      Set<String> referenced = references(module, References.VARIABLE);
      soft.assertThat(declared)
          .as("%s: variables referenced", ParsedConfiguration.label(module))
          .containsAll(referenced);
      soft.assertThat(referenced)
          .as("%s: variables declared", ParsedConfiguration.label(module))
          .containsAll(declared);
    }
    soft.assertAll();
  }

  @Test
  void everyExampleVariableFileSetsOnlyDeclaredVariables() {
    Set<String> declared = new HashSet<>(config.declared("", "variable"));
    config.variableFiles.forEach(
        (file, values) -> {
          List<String> names = new ArrayList<>();
          values.fieldNames().forEachRemaining(names::add);
          assertThat(declared).as(file).containsAll(names);
        });
  }

  @Test
  void everyLocalResourceAndDataSourceReferencedIsDeclared() {
    SoftAssertions soft = new SoftAssertions();
    for (String module : config.modules.keySet()) {
      String label = ParsedConfiguration.label(module);
      Set<String> locals = new TreeSet<>();
      config
          .files(module)
          .forEach(
              f ->
                  f.path("locals")
                      .forEach(block -> block.fieldNames().forEachRemaining(locals::add)));
      soft.assertThat(locals)
          .as("%s: locals referenced", label)
          .containsAll(references(module, References.LOCAL));
      soft.assertThat(config.resources(module, "resource").keySet())
          .as("%s: resources referenced", label)
          .containsAll(references(module, References.RESOURCE));
      soft.assertThat(config.resources(module, "data").keySet())
          .as("%s: data sources referenced", label)
          .containsAll(references(module, References.DATA));
    }
    soft.assertAll();
  }

  @Test
  void everyModuleCallMatchesTheModule() {
    SoftAssertions soft = new SoftAssertions();
    for (String module : config.modules.keySet()) {
      Map<String, String> calls = new java.util.TreeMap<>();
      for (JsonNode file : config.files(module)) {
        file.path("module")
            .properties()
            .forEach(
                call -> {
                  JsonNode body = call.getValue().get(0);
                  String target =
                      Path.of(module).resolve(body.path("source").asText()).normalize().toString();
                  calls.put(call.getKey(), target);
                  String where = ParsedConfiguration.label(module) + " module." + call.getKey();
                  soft.assertThat(config.modules)
                      .as("%s: source %s", where, target)
                      .containsKey(target);
                  Set<String> variables = new HashSet<>(config.declared(target, "variable"));
                  Set<String> arguments = new TreeSet<>();
                  body.fieldNames().forEachRemaining(arguments::add);
                  arguments.removeAll(META_ARGUMENTS);
                  soft.assertThat(variables).as("%s: arguments", where).containsAll(arguments);
                  for (JsonNode targetFile : config.files(target)) {
                    targetFile
                        .path("variable")
                        .properties()
                        .forEach(
                            v -> {
                              if (!v.getValue().get(0).has("default")) {
                                soft.assertThat(arguments)
                                    .as("%s: required variables", where)
                                    .contains(v.getKey());
                              }
                            });
                  }
                });
      }
      for (String reference : references(module, References.MODULE)) {
        String[] parts = reference.split("\\.");
        String where = ParsedConfiguration.label(module) + " module." + reference;
        soft.assertThat(calls).as("%s: module declared", where).containsKey(parts[0]);
        if (parts.length > 1 && calls.containsKey(parts[0])) {
          soft.assertThat(config.declared(calls.get(parts[0]), "output"))
              .as("%s: output declared", where)
              .contains(parts[1]);
        }
      }
    }
    soft.assertAll();
  }

  @Test
  void everySubscriptionDeadLettersAndEveryDeadLetterTopicIsSubscribed() {
    SoftAssertions soft = new SoftAssertions();
    for (String module : config.modules.keySet()) {
      Map<String, JsonNode> resources = config.resources(module, "resource");
      Set<String> deadLetterTopics = new TreeSet<>();
      resources.forEach(
          (address, body) -> {
            if (address.startsWith("google_pubsub_subscription.")) {
              body.path("dead_letter_policy")
                  .forEach(
                      p ->
                          deadLetterTopics.addAll(
                              References.find(
                                  References.RESOURCE, p.path("dead_letter_topic").asText())));
            }
          });
      Set<String> subscribedTopics = new TreeSet<>();
      resources.forEach(
          (address, body) -> {
            if (!address.startsWith("google_pubsub_subscription.")) {
              return;
            }
            Set<String> topics =
                new TreeSet<>(References.find(References.RESOURCE, body.path("topic").asText()));
            if (body.path("topic").asText().contains("each.")) {
              topics.addAll(References.find(References.RESOURCE, body.path("for_each").asText()));
            }
            subscribedTopics.addAll(topics);
            boolean holdsDeadLetters = topics.stream().anyMatch(deadLetterTopics::contains);
            String where = ParsedConfiguration.label(module) + ":" + address;
            if (holdsDeadLetters) {
              // The end of the line: kept for a person, and not pushed anywhere.
              soft.assertThat(body.has("push_config"))
                  .as("%s: dead letters are pulled", where)
                  .isFalse();
              soft.assertThat(body.path("message_retention_duration").asText())
                  .as("%s: retention", where)
                  .isEqualTo("604800s");
            } else {
              soft.assertThat(body.path("dead_letter_policy"))
                  .as("%s: dead_letter_policy", where)
                  .isNotEmpty();
            }
          });
      soft.assertThat(subscribedTopics)
          .as("%s: dead-letter topics with a subscription", ParsedConfiguration.label(module))
          .containsAll(deadLetterTopics);
    }
    soft.assertThat(config.resourcesOfType("google_pubsub_subscription"))
        .as("subscriptions")
        .isNotEmpty();
    soft.assertAll();
  }

  @Test
  void noIamGrantIsPublicOrABasicRole() {
    SoftAssertions soft = new SoftAssertions();
    for (String module : config.modules.keySet()) {
      config
          .resources(module, "resource")
          .forEach(
              (address, body) -> {
                if (!IAM_RESOURCE.matcher(address.substring(0, address.indexOf('.'))).matches()) {
                  return;
                }
                String where = ParsedConfiguration.label(module) + ":" + address;
                soft.assertThat(address)
                    .as("%s: authoritative IAM resources replace grants made elsewhere", where)
                    .doesNotContain("_iam_policy.");
                for (String field : List.of("role", "member", "members")) {
                  ParsedConfiguration.strings(
                      body.path(field),
                      s -> {
                        soft.assertThat(BASIC_ROLE.matcher(s).find())
                            .as("%s: %s = %s", where, field, s)
                            .isFalse();
                        soft.assertThat(PUBLIC_MEMBER.matcher(s).find())
                            .as("%s: %s = %s", where, field, s)
                            .isFalse();
                      });
                }
              });
      // Roles and members often arrive through variables and maps: no basic role or public
      // member may be written anywhere, except in the validations that refuse them.
      for (JsonNode file : config.files(module)) {
        ParsedConfiguration.strings(
            file,
            List.of("validation", "description"),
            s -> {
              soft.assertThat(BASIC_ROLE.matcher(s).find())
                  .as("%s: %s", ParsedConfiguration.label(module), s)
                  .isFalse();
              soft.assertThat(PUBLIC_MEMBER.matcher(s).find())
                  .as("%s: %s", ParsedConfiguration.label(module), s)
                  .isFalse();
            });
      }
    }
    config.variableFiles.forEach(
        (file, values) ->
            ParsedConfiguration.strings(
                values,
                s -> {
                  soft.assertThat(BASIC_ROLE.matcher(s).find()).as("%s: %s", file, s).isFalse();
                  soft.assertThat(PUBLIC_MEMBER.matcher(s).find()).as("%s: %s", file, s).isFalse();
                }));
    soft.assertAll();
  }

  @Test
  void everyBucketHasUniformAccessAndNoPublicAccess() {
    Map<String, JsonNode> buckets = config.resourcesOfType("google_storage_bucket");

    assertThat(buckets).isNotEmpty();
    buckets.forEach(
        (address, body) -> {
          assertThat(
                  body.path("uniform_bucket_level_access").isBoolean()
                      && body.path("uniform_bucket_level_access").asBoolean())
              .as("%s: uniform_bucket_level_access = true", address)
              .isTrue();
          assertThat(body.path("public_access_prevention").asText())
              .as(address)
              .isEqualTo("enforced");
        });
  }

  @Test
  void everyServiceAccountIsUsed() {
    SoftAssertions soft = new SoftAssertions();
    for (String module : config.modules.keySet()) {
      Map<String, JsonNode> resources = config.resources(module, "resource");
      for (String account : resources.keySet()) {
        if (!account.startsWith("google_service_account.")) {
          continue;
        }
        boolean used =
            resources.entrySet().stream()
                .filter(e -> !e.getKey().equals(account))
                .anyMatch(
                    e -> {
                      Set<String> refs = new HashSet<>();
                      ParsedConfiguration.strings(
                          e.getValue(), s -> refs.addAll(References.find(References.RESOURCE, s)));
                      return refs.contains(account);
                    });
        soft.assertThat(used)
            .as(
                "%s:%s is used by a binding or workload",
                ParsedConfiguration.label(module), account)
            .isTrue();
      }
    }
    // The service-accounts module makes one account per component named in the root: each must
    // be granted something or run something there.
    JsonNode accounts =
        config.files("").stream()
            .map(f -> f.path("module").path("service_accounts").path(0).path("accounts"))
            .filter(JsonNode::isObject)
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("module.service_accounts has no literal accounts map"));
    Set<String> usedInRoot = new HashSet<>();
    config
        .files("")
        .forEach(
            f ->
                ParsedConfiguration.strings(
                    f,
                    s ->
                        References.expressions(s)
                            .forEach(
                                e -> {
                                  var m =
                                      Pattern.compile(
                                              "module\\.service_accounts\\.(?:emails|members|names)\\[\"([\\w-]+)\"\\]")
                                          .matcher(e);
                                  while (m.find()) {
                                    usedInRoot.add(m.group(1));
                                  }
                                })));
    accounts
        .fieldNames()
        .forEachRemaining(
            name ->
                soft.assertThat(usedInRoot)
                    .as("service account convergence-%s used by a workload or resource grant", name)
                    .contains(name));
    soft.assertAll();
  }

  @Test
  void theWorkflowComesFromAPathVariableWithADocumentedDefault() {
    JsonNode variable =
        config.files("").stream()
            .map(f -> f.path("variable").path("workflow_source_path").path(0))
            .filter(JsonNode::isObject)
            .findFirst()
            .orElseThrow();

    assertThat(variable.path("default").asText()).isEqualTo("../workflows/pipeline-run.yaml");
    assertThat(variable.path("description").asText()).isNotBlank();
    assertThat(
            config
                .resources("modules/workflow", "resource")
                .get("google_workflows_workflow.this")
                .path("source_contents")
                .asText())
        .isEqualTo("${file(var.source_path)}");
  }

  @Test
  void theWorkflowGetsEverySettingPipelineRunReads() throws java.io.IOException {
    Path definition =
        Path.of(System.getProperty("terraform.dir", "."))
            .resolve("../workflows/pipeline-run.yaml")
            .normalize();
    Set<String> read = new TreeSet<>();
    var getEnv =
        Pattern.compile("sys\\.get_env\\(\"(\\w+)\"")
            .matcher(java.nio.file.Files.readString(definition));
    while (getEnv.find()) {
      read.add(getEnv.group(1));
    }
    // Workflows itself sets these for every execution.
    read.removeIf(n -> n.startsWith("GOOGLE_CLOUD_"));

    Set<String> given = new TreeSet<>();
    Pattern key = Pattern.compile("\\b(CONVERGENCE_\\w+)\\s*=");
    for (JsonNode file : config.files("")) {
      file.path("locals")
          .forEach(
              block -> block.path("runtime_environment").fieldNames().forEachRemaining(given::add));
      String environment =
          file.path("module").path("workflow").path(0).path("environment").asText();
      var m = key.matcher(environment);
      while (m.find()) {
        given.add(m.group(1));
      }
    }
    assertThat(read).as("settings pipeline-run.yaml reads").contains("CONVERGENCE_FLINK_JOB_JAR");
    assertThat(given).as("user_env_vars of the workflow").containsAll(read);
  }

  /**
   * The settings each stage cannot run without in the cloud, by the Cloud Run job that runs it.
   * Hard-coded from run-jobs/README.md ("Arguments"; StageOptions reads them), which the test
   * checks still names each one: the store and the configuration for every stage; for publish and
   * finalize also the run ledger (without it the ledger would silently be the data bucket, not the
   * one the functions admit runs in), the BigQuery warehouse, its location and the project
   * (finalize's Pub/Sub topics). The run itself (CONVERGENCE_RUN_ID, …) is the workflow's
   * per-execution override, not the job's environment.
   */
  private static final Map<String, List<String>> STAGE_SETTINGS =
      Map.of(
          "convergence-ingest",
          List.of("CONVERGENCE_STORE", "CONVERGENCE_CONFIG_URI"),
          "convergence-check",
          List.of("CONVERGENCE_STORE", "CONVERGENCE_CONFIG_URI"),
          "convergence-publish",
          List.of(
              "CONVERGENCE_STORE",
              "CONVERGENCE_CONFIG_URI",
              "CONVERGENCE_LEDGER",
              "CONVERGENCE_WAREHOUSE",
              "CONVERGENCE_REGION",
              "CONVERGENCE_PROJECT_ID"),
          "convergence-finalize",
          List.of(
              "CONVERGENCE_STORE",
              "CONVERGENCE_CONFIG_URI",
              "CONVERGENCE_LEDGER",
              "CONVERGENCE_WAREHOUSE",
              "CONVERGENCE_REGION",
              "CONVERGENCE_PROJECT_ID"));

  private static final Pattern ASSIGNED_SETTING = Pattern.compile("\\b(CONVERGENCE_\\w+)\\s*=");

  private JsonNode rootModuleCall(String name) {
    return config.files("").stream()
        .map(f -> f.path("module").path(name).path(0))
        .filter(JsonNode::isObject)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no module." + name + " in the root"));
  }

  /** Every literal local map of the root module, by name. */
  private Map<String, JsonNode> rootLocals() {
    Map<String, JsonNode> locals = new java.util.TreeMap<>();
    config
        .files("")
        .forEach(
            f ->
                f.path("locals")
                    .forEach(
                        block ->
                            block.properties().forEach(e -> locals.put(e.getKey(), e.getValue()))));
    return locals;
  }

  /**
   * The environment every Cloud Run job gets, name => value expression: the root's {@code
   * environment} argument of module.run_jobs (literal local maps it merges), as the module sets it
   * on each job's container.
   */
  private Map<String, String> stageJobEnvironment() {
    JsonNode env =
        config
            .resources("modules/run-jobs", "resource")
            .get("google_cloud_run_v2_job.this")
            .path("template")
            .path(0)
            .path("template")
            .path(0)
            .path("containers")
            .path(0)
            .path("dynamic")
            .path("env")
            .path(0);
    String forEach = env.path("for_each").asText();
    assertThat(References.find(References.VARIABLE, forEach))
        .as("modules/run-jobs: every job's env comes from var.environment")
        .contains("environment");
    assertThat(env.path("content").path(0).path("name").asText()).isEqualTo("${env.key}");
    assertThat(env.path("content").path(0).path("value").asText()).isEqualTo("${env.value}");

    Map<String, String> given = new java.util.TreeMap<>();
    String argument = rootModuleCall("run_jobs").path("environment").asText();
    Map<String, JsonNode> locals = rootLocals();
    for (String local : References.find(References.LOCAL, argument)) {
      JsonNode map = locals.get(local);
      assertThat(map).as("local.%s is a literal map", local).isNotNull();
      assertThat(map.isObject()).as("local.%s is a literal map", local).isTrue();
      map.properties().forEach(e -> given.put(e.getKey(), e.getValue().asText()));
    }
    var inline = ASSIGNED_SETTING.matcher(argument + " " + forEach);
    while (inline.find()) {
      given.putIfAbsent(inline.group(1), "(inline)");
    }
    return given;
  }

  @Test
  void everyStageJobSetsEverySettingItsStageRequires() throws java.io.IOException {
    String stagesReadme =
        java.nio.file.Files.readString(
            Path.of(System.getProperty("terraform.dir", "."))
                .resolve("../run-jobs/README.md")
                .normalize());
    Set<String> jobs = new TreeSet<>();
    rootModuleCall("run_jobs").path("jobs").fieldNames().forEachRemaining(jobs::add);
    assertThat(jobs).containsExactlyInAnyOrderElementsOf(STAGE_SETTINGS.keySet());

    Map<String, String> environment = stageJobEnvironment();
    SoftAssertions soft = new SoftAssertions();
    STAGE_SETTINGS.forEach(
        (job, required) -> {
          for (String name : required) {
            soft.assertThat(stagesReadme)
                .as("run-jobs/README.md documents %s", name)
                .containsPattern("\\| `--[a-z-]+` \\| `" + name + "` \\|");
          }
          soft.assertThat(environment.keySet()).as("environment of %s", job).containsAll(required);
        });
    soft.assertThat(environment)
        .as("the stages' settings")
        .containsEntry("CONVERGENCE_STORE", "gs://${module.storage.bucket_names[\"data\"]}")
        .containsEntry(
            "CONVERGENCE_CONFIG_URI", "gs://${module.storage.bucket_names[\"ledger\"]}/config/")
        .containsEntry("CONVERGENCE_LEDGER", "gs://${module.storage.bucket_names[\"ledger\"]}")
        .containsEntry("CONVERGENCE_WAREHOUSE", "bigquery:${var.project_id}")
        .containsEntry("CONVERGENCE_REGION", "${var.region}")
        .containsEntry("CONVERGENCE_PROJECT_ID", "${var.project_id}");
    soft.assertAll();
  }

  @Test
  void theStagesStoreIsTheBucketWhoseStagingPrefixTheWorkflowHandsTheFlinkJob() {
    Map<String, String> environment = stageJobEnvironment();
    String workflowBucket =
        rootLocals().get("runtime_environment").path("CONVERGENCE_STAGING_BUCKET").asText();

    assertThat(workflowBucket).isEqualTo("${module.storage.bucket_names[\"data\"]}");
    assertThat(environment.get("CONVERGENCE_STORE")).isEqualTo("gs://" + workflowBucket);
  }

  @Test
  void theDataBucketExpiresOnlyStagingAndOnlyStagingIsWritable() {
    JsonNode buckets =
        config.files("modules/storage").stream()
            .flatMap(
                f -> java.util.stream.StreamSupport.stream(f.path("locals").spliterator(), false))
            .map(block -> block.path("buckets"))
            .filter(JsonNode::isObject)
            .findFirst()
            .orElseThrow();
    Set<String> keys = new TreeSet<>();
    buckets.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("artifacts", "data", "flink", "ledger");
    assertThat(buckets.path("data").path("expiring_prefixes").toString())
        .isEqualTo("[\"staging/\"]");
    for (String other : List.of("artifacts", "flink", "ledger")) {
      assertThat(buckets.path(other).path("expiring_prefixes")).as(other).isEmpty();
    }
    JsonNode expiry =
        config
            .resources("modules/storage", "resource")
            .get("google_storage_bucket.this")
            .path("dynamic")
            .path("lifecycle_rule")
            .path(0)
            .path("content")
            .path(0)
            .path("condition")
            .path(0);
    assertThat(expiry.path("matches_prefix").asText()).isEqualTo("${lifecycle_rule.value}");
    assertThat(expiry.path("age").asText()).isEqualTo("${var.staging_retention_days}");

    SoftAssertions soft = new SoftAssertions();
    for (JsonNode grant : rootModuleCall("storage").path("grants")) {
      String role = grant.path("role").asText();
      if (!grant.path("bucket").asText().equals("data")) {
        continue;
      }
      soft.assertThat(role)
          .as("data bucket grant to %s", grant.path("member").asText())
          .isIn("roles/storage.objectViewer", "roles/storage.objectUser");
      if (!role.equals("roles/storage.objectViewer")) {
        soft.assertThat(grant.path("prefix").asText())
            .as("%s of %s on the data bucket", role, grant.path("member").asText())
            .isEqualTo("staging/");
      }
    }
    soft.assertAll();
  }

  @Test
  void everyStageJobRunsTheImageRunJobsBuildsForIt() throws java.io.IOException {
    String pom =
        java.nio.file.Files.readString(
            Path.of(System.getProperty("terraform.dir", "."))
                .resolve("../run-jobs/pom.xml")
                .normalize());
    Set<String> built = new TreeSet<>();
    var image =
        Pattern.compile(
                "<image>\\$\\{convergence\\.image\\.repository}/([\\w-]+):\\$\\{convergence\\.image\\.tag}</image>")
            .matcher(pom);
    while (image.find()) {
      built.add(image.group(1));
    }

    JsonNode jobs = rootModuleCall("run_jobs").path("jobs");
    Set<String> names = new TreeSet<>();
    jobs.fieldNames().forEachRemaining(names::add);
    assertThat(built).as("run-jobs images (profile images)").isEqualTo(names);
    jobs.properties()
        .forEach(
            job ->
                assertThat(job.getValue().path("image").asText())
                    .as(job.getKey())
                    .isEqualTo("${local.image_prefix}/" + job.getKey() + ":${var.image_tag}"));
  }
}
