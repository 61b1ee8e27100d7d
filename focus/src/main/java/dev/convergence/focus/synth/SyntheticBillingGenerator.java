package dev.convergence.focus.synth;

import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Deterministic synthetic billing data for the three providers, streamed to disk one row at a time
 * (any size): the same settings always write the same bytes.
 *
 * <pre>
 * java -cp ... dev.convergence.focus.synth.SyntheticBillingGenerator \
 *     aws|azure|gcp ROWS SEED OUTPUT_DIR [YYYY-MM [DELIVERIES [ACCOUNTS]]]
 * </pre>
 */
public final class SyntheticBillingGenerator {

  private SyntheticBillingGenerator() {}

  /** Writes the files and returns them, in delivery order. */
  public static List<Path> generate(GeneratorSettings settings) throws IOException {
    return switch (settings.provider()) {
      case AWS -> AwsCurGenerator.generate(settings);
      case AZURE -> AzureExportGenerator.generate(settings);
      case GCP -> GcpExportGenerator.generate(settings);
    };
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 4 || args.length > 7) {
      System.err.println(
          "usage: SyntheticBillingGenerator aws|azure|gcp ROWS SEED OUTPUT_DIR"
              + " [YYYY-MM [DELIVERIES [ACCOUNTS]]]");
      System.exit(2);
    }
    GeneratorSettings settings =
        new GeneratorSettings(
            Provider.fromWireName(args[0]),
            args.length > 4 ? BillingPeriod.parse(args[4]) : BillingPeriod.of(2026, 10),
            Long.parseLong(args[1]),
            Long.parseLong(args[2]),
            args.length > 5 ? Integer.parseInt(args[5]) : 1,
            args.length > 6 ? Integer.parseInt(args[6]) : 8,
            Path.of(args[3]));
    for (Path file : generate(settings)) {
      System.out.println(file);
    }
  }
}
