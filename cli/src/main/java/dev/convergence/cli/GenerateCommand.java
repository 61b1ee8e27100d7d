package dev.convergence.cli;

import dev.convergence.cli.demo.Deliveries;
import dev.convergence.cli.local.LocalDeployment;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.focus.synth.GeneratorSettings;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Seeded synthetic billing data for one provider and month, landed in the data directory's store
 * under a landing prefix as the provider delivers it (snapshots with manifests for AWS and Azure,
 * overlapping extracts for Google Cloud). The same options always write the same data.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generates billing data and lands it as the provider delivers it.")
final class GenerateCommand implements Callable<Integer> {

  @Mixin DataDirOption data = new DataDirOption();

  @Option(names = "--provider", required = true, description = "aws, gcp or azure.")
  String provider;

  @Option(names = "--period", required = true, description = "The billing period, YYYY-MM.")
  String period;

  @Option(
      names = "--landing-prefix",
      required = true,
      description = "Where in the store, e.g. landing/acme_corp/aws/.")
  String landingPrefix;

  @Option(
      names = "--rows",
      defaultValue = "10000",
      description = "Line items; default ${DEFAULT-VALUE}.")
  long rows;

  @Option(names = "--seed", defaultValue = "1", description = "Seed; default ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--deliveries",
      defaultValue = "2",
      description = "Snapshots (AWS, Azure) or extracts (Google Cloud); default ${DEFAULT-VALUE}.")
  int deliveries;

  @Option(
      names = "--accounts",
      defaultValue = "8",
      description = "Sub-accounts (four to a billing account); default ${DEFAULT-VALUE}.")
  int accounts;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    LocalDeployment deployment = data.deployment().prepare();
    Provider p = Provider.fromWireName(provider);
    String prefix = landingPrefix.endsWith("/") ? landingPrefix : landingPrefix + "/";
    GeneratorSettings settings =
        new GeneratorSettings(
            p,
            BillingPeriod.parse(period),
            rows,
            seed,
            deliveries,
            accounts,
            Files.createTempDirectory("convergence-generate"));
    new Deliveries(deployment.store()).land(settings, prefix);
    spec.commandLine()
        .getOut()
        .printf(
            "landed %,d %s line items for %s under %s; billing accounts %s%n",
            rows,
            p.wireName(),
            period,
            deployment.store().resolve(prefix),
            Deliveries.billingAccounts(p, accounts));
    return Convergence.OK;
  }
}
