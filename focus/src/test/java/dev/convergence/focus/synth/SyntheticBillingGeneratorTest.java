package dev.convergence.focus.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.ConversionTally;
import dev.convergence.focus.FocusRow;
import dev.convergence.focus.Reject;
import dev.convergence.focus.SourceContext;
import dev.convergence.focus.aws.AwsCurReader;
import dev.convergence.focus.azure.AzureCostExportReader;
import dev.convergence.focus.azure.AzureCostKind;
import dev.convergence.focus.azure.AzureLayout;
import dev.convergence.focus.gcp.GcpBillingExportReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticBillingGeneratorTest {

  private static final BillingPeriod PERIOD = BillingPeriod.of(2026, 10);

  @TempDir Path dir;

  private List<Path> generate(Provider provider, Path out, long seed) throws IOException {
    return SyntheticBillingGenerator.generate(
        new GeneratorSettings(provider, PERIOD, 2_000, seed, 3, 8, out));
  }

  private static ConversionStream open(Provider provider, Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    SourceContext snapshot =
        new SourceContext(
            "t_1", "run-1", file.toString(), file.getParent().getFileName().toString());
    return switch (provider) {
      case AWS -> AwsCurReader.open(in, snapshot);
      case AZURE -> AzureCostExportReader.open(in, snapshot, AzureLayout.EA, AzureCostKind.ACTUAL);
      case GCP ->
          GcpBillingExportReader.openJsonLines(
              in, SourceContext.appendOnly("t_1", "run-1", file.toString()));
    };
  }

  private static ConversionTally convert(Provider provider, Path file, List<FocusRow> rows)
      throws IOException {
    List<Reject> rejects = new ArrayList<>();
    try (ConversionStream stream = open(provider, file)) {
      ConversionTally tally = stream.drain(rows::add, rejects::add);
      assertThat(rejects).as("rejects in %s", file).isEmpty();
      return tally;
    }
  }

  @Test
  void theSameSeedWritesTheSameBytes() throws IOException {
    for (Provider provider : Provider.values()) {
      List<Path> first = generate(provider, dir.resolve(provider + "-a"), 42);
      List<Path> second = generate(provider, dir.resolve(provider + "-b"), 42);
      List<Path> other = generate(provider, dir.resolve(provider + "-c"), 43);
      for (int i = 0; i < first.size(); i++) {
        assertThat(Files.readAllBytes(second.get(i))).isEqualTo(Files.readAllBytes(first.get(i)));
      }
      assertThat(Files.readAllBytes(other.get(2))).isNotEqualTo(Files.readAllBytes(first.get(2)));
    }
  }

  @Test
  void snapshotProvidersWriteGrowingMonthToDateSnapshotsThatConvertCleanly() throws IOException {
    for (Provider provider : List.of(Provider.AWS, Provider.AZURE)) {
      List<Path> snapshots = generate(provider, dir.resolve(provider.wireName()), 7);
      assertThat(snapshots).hasSize(3);
      long previous = 0;
      for (Path snapshot : snapshots) {
        List<FocusRow> rows = new ArrayList<>();
        ConversionTally tally = convert(provider, snapshot, rows);
        assertThat(tally.inputRecords()).isGreaterThan(previous);
        previous = tally.inputRecords();
        assertThat(rows.get(0).xSnapshotId())
            .isEqualTo(snapshot.getParent().getFileName().toString());
        // One service in each vocabulary is deliberately missing from the mapping table.
        assertThat(tally.unknownServiceRows()).isPositive();
      }
      assertThat(previous).isEqualTo(2_000);
    }
  }

  @Test
  void googleCloudExtractsOverlapWithExactDuplicates() throws IOException {
    List<Path> extracts = generate(Provider.GCP, dir.resolve("gcp"), 7);
    List<FocusRow> rows = new ArrayList<>();
    long input = 0;
    for (Path extract : extracts) {
      input += convert(Provider.GCP, extract, rows).inputRecords();
    }
    Set<String> charges = new HashSet<>();
    rows.stream()
        .filter(r -> !r.chargeCategory().equals("Credit"))
        .forEach(r -> charges.add(r.xRowIdentity()));

    assertThat(input).isGreaterThan(2_000);
    assertThat(charges).hasSize(2_000);
    assertThat(rows).anyMatch(r -> r.chargeCategory().equals("Credit"));
    assertThat(rows).anyMatch(r -> r.chargeCategory().equals("Tax"));
  }

  @Test
  void aPlantedSpikeMultipliesExactlyItsDaySubAccountAndServiceAndNothingElse() throws IOException {
    Map<Provider, PlantedSpike> spikes =
        Map.of(
            Provider.AWS,
            new PlantedSpike(LocalDate.of(2026, 10, 20), 3, "AmazonEC2", new BigDecimal("6")),
            Provider.AZURE,
            new PlantedSpike(
                LocalDate.of(2026, 10, 20), 3, "Virtual Machines", new BigDecimal("6")),
            Provider.GCP,
            new PlantedSpike(LocalDate.of(2026, 10, 20), 3, "6F81-5844-456A", new BigDecimal("6")));
    for (Provider provider : Provider.values()) {
      GeneratorSettings plain =
          new GeneratorSettings(
              provider, PERIOD, 20_000, 5, 1, 8, dir.resolve(provider + "-plain"));
      GeneratorSettings spiked =
          new GeneratorSettings(
                  provider, PERIOD, 20_000, 5, 1, 8, dir.resolve(provider + "-spiked"))
              .withSpikes(List.of(spikes.get(provider)));
      List<FocusRow> before = new ArrayList<>();
      List<FocusRow> after = new ArrayList<>();
      convert(provider, SyntheticBillingGenerator.generate(plain).get(0), before);
      convert(provider, SyntheticBillingGenerator.generate(spiked).get(0), after);

      assertThat(after).hasSameSizeAs(before);
      int hit = 0;
      for (int i = 0; i < before.size(); i++) {
        FocusRow was = before.get(i);
        FocusRow is = after.get(i);
        boolean spikedRow = is.billedCost().compareTo(was.billedCost()) != 0;
        if (spikedRow) {
          hit++;
          assertThat(is.billedCost())
              .isEqualByComparingTo(was.billedCost().multiply(BigDecimal.valueOf(6)));
          assertThat(LocalDate.ofInstant(is.chargePeriodStart(), ZoneOffset.UTC))
              .isEqualTo(LocalDate.of(2026, 10, 20));
        }
      }
      assertThat(hit).as("rows spiked for %s", provider).isPositive();
      long sameDayServiceRows =
          after.stream()
              .filter(
                  r ->
                      LocalDate.ofInstant(r.chargePeriodStart(), ZoneOffset.UTC).getDayOfMonth()
                          == 20)
              .map(FocusRow::subAccountId)
              .distinct()
              .count();
      assertThat(sameDayServiceRows)
          .as("other sub-accounts on the day stay unspiked")
          .isGreaterThan(1);
    }
  }
}
