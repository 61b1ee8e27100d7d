package dev.convergence.cli;

import dev.convergence.cli.local.LocalDeployment;
import dev.convergence.cli.report.DuckDbReportData;
import dev.convergence.cli.report.HtmlReport;
import dev.convergence.core.tenant.Tenant;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes the HTML report of everything in the warehouse. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Writes the HTML report (costs, allocation, anomalies, DQ, run timeline).")
final class ReportCommand implements Callable<Integer> {

  @Mixin DataDirOption data = new DataDirOption();

  @Option(
      names = {"-o", "--output"},
      description = "The report file; default DATA/reports/convergence-report.html.")
  Path output;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    LocalDeployment deployment = data.deployment().prepare();
    Path file =
        write(
            deployment,
            output != null ? output : deployment.reports().resolve("convergence-report.html"));
    spec.commandLine().getOut().println(file);
    return Convergence.OK;
  }

  static Path write(LocalDeployment deployment, Path file) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Tenant tenant : deployment.loadConfig().tenants().all()) {
      names.put(tenant.id(), tenant.displayName());
    }
    return new HtmlReport()
        .write(new DuckDbReportData(deployment.warehouse()).read(names, Instant.now()), file);
  }
}
