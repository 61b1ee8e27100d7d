package dev.convergence.cli.demo;

import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.focus.synth.GeneratorSettings;
import dev.convergence.focus.synth.PlantedSpike;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's world: three tenants on different plans (Acme on professional with AWS and Google
 * Cloud, Globex on enterprise with Azure and AWS, Initech on starter with Google Cloud), two months
 * of billing each (September gives October's anomaly baselines a history in the warehouse),
 * restated deliveries, and cost spikes planted in October where the report should show them.
 */
public final class DemoScenario {

  /** One tenant's data for one provider and month, and the run that processes it. */
  public record DemoRun(
      String tenantId,
      String pipeline,
      Provider provider,
      BillingPeriod period,
      long rows,
      long seed,
      int deliveries,
      int accounts,
      List<PlantedSpike> spikes) {

    public String landingPrefix() {
      return "landing/" + tenantId + "/" + provider.wireName() + "/";
    }

    public String requestId() {
      return "demo-" + tenantId + "-" + pipeline + "-" + period;
    }

    public GeneratorSettings settings(Path scratch) {
      return new GeneratorSettings(
              provider,
              period,
              rows,
              seed,
              deliveries,
              accounts,
              scratch.resolve(tenantId + "-" + pipeline + "-" + period))
          .withSpikes(spikes);
    }
  }

  static final BillingPeriod SEPTEMBER = BillingPeriod.of(2026, 9);
  static final BillingPeriod OCTOBER = BillingPeriod.of(2026, 10);

  private final long octoberRows;

  /**
   * @param octoberRows line items an October month has per tenant and provider
   */
  public DemoScenario(long octoberRows) {
    this.octoberRows = octoberRows;
  }

  /** The runs, in the order the demo requests them: every September first. */
  public List<DemoRun> runs() {
    List<DemoRun> runs = new ArrayList<>();
    for (BillingPeriod period : List.of(SEPTEMBER, OCTOBER)) {
      boolean october = period.equals(OCTOBER);
      runs.add(
          run(
              "acme_corp",
              "aws-cur",
              Provider.AWS,
              period,
              101,
              3,
              8,
              october
                  ? List.of(spike(18, 1, "AmazonEC2", "5"), spike(26, 6, "AmazonS3", "8"))
                  : List.of()));
      runs.add(
          run(
              "acme_corp",
              "gcp-billing",
              Provider.GCP,
              period,
              102,
              3,
              8,
              october ? List.of(spike(21, 4, "6F81-5844-456A", "6")) : List.of()));
      runs.add(
          run(
              "globex",
              "azure-ea",
              Provider.AZURE,
              period,
              103,
              2,
              8,
              october ? List.of(spike(24, 3, "Virtual Machines", "7")) : List.of()));
      runs.add(run("globex", "aws-cur", Provider.AWS, period, 104, 2, 8, List.of()));
      runs.add(
          run(
              "initech",
              "gcp-billing",
              Provider.GCP,
              period,
              105,
              2,
              4,
              october ? List.of(spike(20, 0, "95FF-2EF5-5EA1", "9")) : List.of()));
    }
    return runs;
  }

  private DemoRun run(
      String tenant,
      String pipeline,
      Provider provider,
      BillingPeriod period,
      long seed,
      int deliveries,
      int accounts,
      List<PlantedSpike> spikes) {
    // The same line items a day in both months, so the same resources run through both.
    long days = period.month().lengthOfMonth();
    long rows = octoberRows * days / 31;
    return new DemoRun(
        tenant, pipeline, provider, period, rows, seed, deliveries, accounts, spikes);
  }

  private static PlantedSpike spike(int day, int subAccount, String service, String factor) {
    return new PlantedSpike(
        LocalDate.of(2026, 10, day), subAccount, service, new BigDecimal(factor));
  }

  /** Writes the demo's tenants and pipelines into {@code config}, unless it has some already. */
  public static void writeConfig(Path config) {
    try {
      if (Files.isDirectory(config.resolve("tenants"))) {
        return;
      }
      for (String file :
          List.of(
              "tenants/acme_corp.yaml",
              "tenants/globex.yaml",
              "tenants/initech.yaml",
              "pipelines/aws-cur.yaml",
              "pipelines/gcp-billing.yaml",
              "pipelines/azure-ea.yaml")) {
        Path target = config.resolve(file);
        Files.createDirectories(target.getParent());
        try (InputStream in = DemoScenario.class.getResourceAsStream("config/" + file)) {
          Files.copy(in, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo configuration to " + config, e);
    }
  }
}
