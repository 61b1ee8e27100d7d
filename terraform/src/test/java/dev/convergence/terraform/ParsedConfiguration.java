package dev.convergence.terraform;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Terraform configuration as @cdktf/hcl2json parses it: one JSON document per file, grouped by
 * module directory ("" is the root module). Expressions stay strings such as {@code
 * "${var.region}"}.
 */
final class ParsedConfiguration {

  private static ParsedConfiguration instance;

  /** Parsed .tf files by module directory, then by file name. */
  final Map<String, Map<String, JsonNode>> modules = new TreeMap<>();

  /** Parsed .tfvars files by file name. */
  final Map<String, JsonNode> variableFiles = new TreeMap<>();

  static synchronized ParsedConfiguration load() {
    if (instance == null) {
      instance = new ParsedConfiguration(parse());
    }
    return instance;
  }

  private ParsedConfiguration(JsonNode files) {
    files
        .properties()
        .forEach(
            entry -> {
              String file = entry.getKey();
              if (file.endsWith(".tfvars")) {
                variableFiles.put(file, entry.getValue());
                return;
              }
              int slash = file.lastIndexOf('/');
              String module = slash < 0 ? "" : file.substring(0, slash);
              modules.computeIfAbsent(module, m -> new TreeMap<>()).put(file, entry.getValue());
            });
  }

  private static JsonNode parse() {
    Path dir = Path.of(System.getProperty("terraform.dir", "."));
    String script = System.getProperty("hcl2json.script", "src/test/hcl2json/print-json.js");
    try {
      Path errors = Files.createTempFile("hcl2json", ".err");
      try {
        Process process =
            new ProcessBuilder("node", script, dir.toString())
                .redirectError(errors.toFile())
                .start();
        process.getOutputStream().close();
        byte[] json = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
          process.destroyForcibly();
          throw new AssertionError("hcl2json failed: " + Files.readString(errors, UTF_8));
        }
        return new ObjectMapper().readTree(new String(json, UTF_8));
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

  /**
   * Names declared under a top-level block type (variable, output, module, data/resource types).
   */
  List<String> declared(String module, String blockType) {
    List<String> names = new ArrayList<>();
    files(module).forEach(f -> f.path(blockType).fieldNames().forEachRemaining(names::add));
    return names;
  }

  /** Resource (or data source) addresses {@code type.name} declared in a module. */
  Map<String, JsonNode> resources(String module, String kind) {
    Map<String, JsonNode> found = new TreeMap<>();
    for (JsonNode file : files(module)) {
      file.path(kind)
          .properties()
          .forEach(
              type ->
                  type.getValue()
                      .properties()
                      .forEach(
                          name ->
                              found.put(
                                  type.getKey() + "." + name.getKey(), name.getValue().get(0))));
    }
    return found;
  }

  /** Every resource of one type across all modules, by {@code module:type.name}. */
  Map<String, JsonNode> resourcesOfType(String type) {
    Map<String, JsonNode> found = new TreeMap<>();
    modules
        .keySet()
        .forEach(
            module ->
                resources(module, "resource")
                    .forEach(
                        (address, body) -> {
                          if (address.startsWith(type + ".")) {
                            found.put(label(module) + ":" + address, body);
                          }
                        }));
    return found;
  }

  List<JsonNode> files(String module) {
    return List.copyOf(modules.getOrDefault(module, Map.of()).values());
  }

  static String label(String module) {
    return module.isEmpty() ? "(root)" : module;
  }

  /** Visits every string value under a node. */
  static void strings(JsonNode node, Consumer<String> visitor) {
    if (node.isTextual()) {
      visitor.accept(node.asText());
    } else if (node.isContainerNode()) {
      node.forEach(child -> strings(child, visitor));
    }
  }

  /** Every string value under a node, except those inside blocks named in {@code skipped}. */
  static void strings(JsonNode node, List<String> skipped, Consumer<String> visitor) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                if (!skipped.contains(e.getKey())) {
                  strings(e.getValue(), skipped, visitor);
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> strings(child, skipped, visitor));
    } else if (node.isTextual()) {
      visitor.accept(node.asText());
    }
  }
}
