package dev.convergence.cli.demo;

import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.focus.synth.GeneratorSettings;
import dev.convergence.focus.synth.SyntheticBillingGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Lands generated billing data in a local store the way each provider delivers it, so the ingest
 * stage finds it exactly as it would in a tenant's bucket: AWS CUR assemblies with their manifests
 * (the period folder's manifest naming the current one), Azure export runs with {@code
 * manifest.json}, Google Cloud extracts under a folder named for the invoice month. Each file's
 * modification time is its delivery time, which the local store reports as the object's.
 */
public final class Deliveries {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final Path storeRoot;

  public Deliveries(Path storeRoot) {
    this.storeRoot = storeRoot;
  }

  /**
   * Generates {@code settings}' data into a scratch directory and lands it under {@code
   * landingPrefix} (a tenant's prefix for the provider, ending in {@code /}).
   */
  public void land(GeneratorSettings settings, String landingPrefix) throws IOException {
    List<Path> files = SyntheticBillingGenerator.generate(settings);
    BillingPeriod period = settings.period();
    String name = settings.provider().wireName() + "-" + settings.seed();
    for (int k = 0; k < files.size(); k++) {
      Instant at = deliveredAt(period, k + 1, files.size());
      switch (settings.provider()) {
        case AWS ->
            landAws(files.get(k), landingPrefix, name, period, k + 1, at, k == files.size() - 1);
        case AZURE -> landAzure(files.get(k), landingPrefix, name, period, k + 1, at);
        case GCP ->
            put(
                landingPrefix + period + "/extract-" + (k + 1) + ".jsonl",
                Files.readAllBytes(files.get(k)),
                at);
      }
    }
  }

  /** Delivery k of n: spread over the month, the last two days after it ends (the final bill). */
  static Instant deliveredAt(BillingPeriod period, int k, int n) {
    long days = ChronoUnit.DAYS.between(period.start(), period.end());
    long day = k == n ? days + 2 : Math.max(1, days * k / n);
    return period.start().plus(day, ChronoUnit.DAYS).plus(6, ChronoUnit.HOURS);
  }

  private void landAws(
      Path file,
      String prefix,
      String report,
      BillingPeriod period,
      int k,
      Instant at,
      boolean current)
      throws IOException {
    String folder =
        "cur/"
            + report
            + "/"
            + period.month().atDay(1).format(DAY)
            + "-"
            + period.month().plusMonths(1).atDay(1).format(DAY)
            + "/";
    String assembly =
        UUID.nameUUIDFromBytes((report + period + k).getBytes(StandardCharsets.UTF_8)).toString();
    String dataKey = folder + assembly + "/" + report + "-1.csv";
    put(prefix + dataKey, Files.readAllBytes(file), at);
    String manifest =
        """
        {"assemblyId":"%s","reportName":"%s",
         "billingPeriod":{"start":"%s","end":"%s"},
         "compression":"NONE","contentType":"text/csv",
         "reportKeys":["%s"]}
        """
            .formatted(
                assembly,
                report,
                period.month().atDay(1).format(DAY) + "T000000.000Z",
                period.month().plusMonths(1).atDay(1).format(DAY) + "T000000.000Z",
                dataKey);
    put(
        prefix + folder + assembly + "/" + report + "-Manifest.json",
        bytes(manifest),
        at.plusSeconds(60));
    if (current) {
      put(prefix + folder + report + "-Manifest.json", bytes(manifest), at.plusSeconds(61));
    }
  }

  private void landAzure(
      Path file, String prefix, String export, BillingPeriod period, int k, Instant at)
      throws IOException {
    String folder =
        "exports/"
            + export
            + "/"
            + period.month().atDay(1).format(DAY)
            + "-"
            + period.month().atEndOfMonth().format(DAY)
            + "/";
    String runId =
        UUID.nameUUIDFromBytes((export + period + k).getBytes(StandardCharsets.UTF_8)).toString();
    String part = folder + runId + "/part_0_0001.csv";
    put(prefix + part, Files.readAllBytes(file), at);
    String manifest =
        """
        {"manifestVersion":"2024-04-01","blobCount":1,
         "exportConfig":{"exportName":"%s","type":"ActualCost"},
         "runInfo":{"executionType":"Scheduled","submittedTime":"%s","runId":"%s"},
         "blobs":[{"blobName":"%s"}]}
        """
            .formatted(export, at, runId, part);
    put(prefix + folder + runId + "/manifest.json", bytes(manifest), at.plusSeconds(30));
  }

  private void put(String key, byte[] content, Instant at) {
    try {
      Path target = storeRoot.resolve(key);
      Files.createDirectories(target.getParent());
      Files.write(target, content);
      Files.setLastModifiedTime(target, FileTime.from(at));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The provider's billing accounts the generator writes with {@code accounts} sub-accounts. */
  public static List<String> billingAccounts(Provider provider, int accounts) {
    int payers = Math.max(1, (accounts + 3) / 4);
    List<String> ids = new java.util.ArrayList<>();
    for (int n = 0; n < payers; n++) {
      ids.add(
          switch (provider) {
            case AWS -> String.format("%d%011d", 1, 10_000_000L + n * 7919L);
            case AZURE -> String.valueOf(80_000_000 + n);
            case GCP -> String.format("01A2B3-C4D5E6-%06d", n);
          });
    }
    return ids;
  }
}
