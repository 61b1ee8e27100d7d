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
}
