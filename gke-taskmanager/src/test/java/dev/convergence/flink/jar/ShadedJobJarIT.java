package dev.convergence.flink.jar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jar {@code flink run} submits to the session cluster, as the package phase built it: the job
 * and what the cluster lacks, and nothing the cluster already has or must not see twice.
 */
class ShadedJobJarIT {

  private static final String MAIN_CLASS = "dev.convergence.flink.FocusJob";

  /**
   * Never inside: Google Cloud clients, gRPC and protobuf (Cloud Storage is the gs plugin's job,
   * and a second protobuf clashes at run time), DuckDB (the local warehouse), and what Flink's own
   * class path provides (Flink itself, RocksDB, its logging).
   */
  private static final List<String> FORBIDDEN =
      List.of(
          "com/google/cloud/",
          "com/google/api/",
          "io/grpc/",
          "com/google/protobuf/",
          "org/duckdb/",
          "org/apache/flink/streaming/api/",
          "org/apache/flink/runtime/",
          "org/rocksdb/",
          "org/slf4j/",
          "org/apache/logging/log4j/");

  /** The one Flink module that travels with the job: it is not in Flink's distribution. */
  private static final String FLINK_PARQUET = "org/apache/flink/formats/parquet/";

  /** With Hadoop's client inside (about 70 MB); far more means something heavy slipped in. */
  private static final long MAX_BYTES = 96L * 1024 * 1024;

  private static Path jar;
  private static List<String> entries;

  @BeforeAll
  static void open() throws IOException {
    String path = System.getProperty("flink.job.jar");
    assertThat(path).as("flink.job.jar system property from the pom").isNotBlank();
    jar = Path.of(path);
    assertThat(jar).as("the shaded job jar (mvn package)").isRegularFile();
    entries = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      file.stream().map(JarEntry::getName).forEach(entries::add);
    }
    System.out.printf(
        "%s: %,d bytes (%.1f MiB), %,d entries%n",
        jar.getFileName(), Files.size(jar), Files.size(jar) / 1048576.0, entries.size());
  }

  @Test
  void runsFocusJob() throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      assertThat(file.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS))
          .isEqualTo(MAIN_CLASS);
    }
    assertThat(entries)
        .contains(MAIN_CLASS.replace('.', '/') + ".class")
        .as("the modules it is built from")
        .anyMatch(e -> e.startsWith("dev/convergence/core/"))
        .anyMatch(e -> e.startsWith("dev/convergence/focus/"));
  }

  @Test
  void carriesNoCloudClientNoDuckDbAndNothingFlinkProvides() {
    for (String prefix : FORBIDDEN) {
      assertThat(entries).as("entries under %s", prefix).noneMatch(e -> e.startsWith(prefix));
    }
    assertThat(entries)
        .filteredOn(e -> e.startsWith("org/apache/flink/") && !e.endsWith("/"))
        .as("Flink classes other than flink-parquet")
        .allMatch(e -> e.startsWith(FLINK_PARQUET))
        .isNotEmpty();
  }

  @Test
  void carriesWhatTheParquetWritersNeed() {
    assertThat(entries)
        .contains(
            "org/apache/parquet/hadoop/ParquetWriter.class",
            "org/apache/hadoop/conf/Configuration.class",
            FLINK_PARQUET + "ParquetWriterFactory.class");
  }

  @Test
  void everyServiceFileNamesClassesInsideTheJar() throws IOException {
    Map<String, List<String>> missing = new TreeMap<>();
    int services = 0;
    try (JarFile file = new JarFile(jar.toFile())) {
      for (String name : entries) {
        if (!name.startsWith("META-INF/services/") || name.endsWith("/")) {
          continue;
        }
        services++;
        for (String provider : providers(file, name)) {
          if (!entries.contains(provider.replace('.', '/') + ".class")) {
            missing.computeIfAbsent(name, k -> new ArrayList<>()).add(provider);
          }
        }
      }
    }
    assertThat(services).as("service files").isPositive();
    assertThat(missing).as("providers named but not in the jar").isEmpty();
  }

  @Test
  void staysSmallEnoughToSubmitPerRun() throws IOException {
    assertThat(Files.size(jar)).isLessThan(MAX_BYTES);
  }

  private static List<String> providers(JarFile file, String name) throws IOException {
    try (InputStream in = file.getInputStream(file.getEntry(name))) {
      return new String(in.readAllBytes(), UTF_8)
          .lines()
          .map(l -> l.replaceFirst("#.*", "").strip())
          .filter(l -> !l.isEmpty())
          .toList();
    }
  }
}
