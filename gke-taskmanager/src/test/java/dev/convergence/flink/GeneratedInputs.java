package dev.convergence.flink;

import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.flink.args.InputFile;
import dev.convergence.flink.args.InputFormat;
import dev.convergence.focus.synth.GeneratorSettings;
import dev.convergence.focus.synth.SyntheticBillingGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeded billing data for the ITs: three AWS snapshots, two Azure export runs and three overlapping
 * Google Cloud extracts for October 2026. Snapshot k is delivered on day 10k; the inputs list the
 * newest snapshot first, so older ones arrive after it.
 */
record GeneratedInputs(
    List<InputFile> inputs, Path newestAws, List<Path> olderAws, Path newestAzure, Path gcpDir) {

  static GeneratedInputs generate(Path dir) throws IOException {
    BillingPeriod period = BillingPeriod.of(2026, 10);
    List<Path> aws =
        SyntheticBillingGenerator.generate(
            new GeneratorSettings(Provider.AWS, period, 400, 11, 3, 2, dir.resolve("aws")));
    List<Path> azure =
        SyntheticBillingGenerator.generate(
            new GeneratorSettings(Provider.AZURE, period, 200, 12, 2, 2, dir.resolve("azure")));
    List<Path> gcp =
        SyntheticBillingGenerator.generate(
            new GeneratorSettings(Provider.GCP, period, 400, 13, 3, 2, dir.resolve("gcp")));
    List<InputFile> inputs = new ArrayList<>();
    for (int k = aws.size(); k >= 1; k--) {
      inputs.add(InputFile.snapshot(InputFormat.AWS_CUR, delivered(k), aws.get(k - 1).toString()));
    }
    for (int k = azure.size(); k >= 1; k--) {
      inputs.add(
          InputFile.snapshot(
              InputFormat.AZURE_EA_ACTUAL, delivered(k), azure.get(k - 1).toString()));
    }
    for (Path extract : gcp) {
      inputs.add(InputFile.appendOnly(InputFormat.GCP_JSONL, extract.toString()));
    }
    return new GeneratedInputs(
        inputs,
        aws.get(aws.size() - 1),
        aws.subList(0, aws.size() - 1),
        azure.get(azure.size() - 1),
        dir.resolve("gcp"));
  }

  static String delivered(int k) {
    return String.format("2026-10-%02dT06:00:00Z", 10 * k);
  }
}
