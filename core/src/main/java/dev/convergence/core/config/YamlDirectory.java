package dev.convergence.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads every {@code *.yaml} file of a directory as one record each, where a file is named after
 * the record's id ({@code acme.yaml} holds tenant {@code acme}). Collects the problems of every
 * file before failing, so one load shows everything there is to fix.
 */
final class YamlDirectory {

  private YamlDirectory() {}

  static <T> Map<String, T> readAll(
      Path directory,
      String shownDirectory,
      Class<T> type,
      Function<T, String> idOf,
      String idKey) {
    if (!Files.isDirectory(directory)) {
      throw new ConfigException(
          ConfigProblem.inFile(shownDirectory, "is not a directory (" + directory + ")"));
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new ConfigException(
          ConfigProblem.inFile(shownDirectory, "cannot be listed: " + e.getMessage()));
    }
    Map<String, T> byId = new TreeMap<>();
    List<ConfigProblem> problems = new ArrayList<>();
    for (Path file : files) {
      String fileName = file.getFileName().toString();
      String shown = shownDirectory + "/" + fileName;
      String expectedId = fileName.substring(0, fileName.length() - ".yaml".length());
      try {
        T value = StrictYaml.read(file, shown, type);
        String id = idOf.apply(value);
        if (!id.equals(expectedId)) {
          problems.add(
              ConfigProblem.inFile(
                  shown,
                  idKey
                      + " is '"
                      + id
                      + "' but the file is named "
                      + fileName
                      + "; name the file "
                      + id
                      + ".yaml"));
        } else {
          byId.put(id, value);
        }
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return byId;
  }
}
