package dev.convergence.cli;

import dev.convergence.adapters.embedded.warehouse.DuckDbWarehouse;
import dev.convergence.cli.demo.Deliveries;
import dev.convergence.cli.demo.DemoScenario;
import dev.convergence.cli.demo.DemoScenario.DemoRun;
import dev.convergence.cli.local.LocalConvergence;
import dev.convergence.cli.local.LocalDeployment;
import dev.convergence.core.ledger.RunState;
import dev.convergence.core.warehouse.PipelineRun;
import dev.convergence.workflows.ExecutionOutcome;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The one-command demo: three tenants' generated billing data, landed as the providers deliver it,
 * requested on the bus, run through the deployed workflow on embedded defaults, summarised in a
 * table and an HTML report. Running it again changes nothing: the data is the same, and the same
 * requests name the same runs.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Runs the whole pipeline on generated data for three tenants and writes a report.")
final class DemoCommand implements Callable<Integer> {

  @Mixin DataDirOption data = new DataDirOption();

  @Option(
      names = "--rows",
      defaultValue = "20000",
      description = "Line items per tenant, provider and month; default ${DEFAULT-VALUE}.")
  long rows;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    LocalDeployment deployment = data.deployment().prepare();
    DemoScenario.writeConfig(deployment.config());
    DemoScenario scenario = new DemoScenario(rows);
    List<DemoRun> runs = scenario.runs();

    out.printf("Convergence demo in %s%n", deployment.root());
    land(out, deployment, runs);

    LocalConvergence local = new LocalConvergence(deployment, Clock.systemUTC());
    int step = 0;
    for (DemoRun run : runs) {
      step++;
      out.printf(
          "[%2d/%d] %-10s %-12s %s  requested%n",
          step, runs.size(), run.tenantId(), run.pipeline(), run.period());
      out.flush();
      local.publishRequest(request(run), Map.of());
      List<ExecutionOutcome> outcomes = local.runWorkflows(what -> {});
      for (ExecutionOutcome outcome : outcomes) {
        out.printf(
            "        %s%s%n",
            outcome.state(), outcome.failedStep().map(failed -> " at " + failed).orElse(""));
      }
      if (outcomes.isEmpty()) {
        out.println("        already run: no new run started");
      }
      out.flush();
    }

    List<PipelineRun> table = new ArrayList<>();
    try (DuckDbWarehouse warehouse =
        new DuckDbWarehouse(deployment.warehouse(), deployment.store())) {
      for (String tenant : List.of("acme_corp", "globex", "initech")) {
        table.addAll(warehouse.pipelineRuns(tenant));
      }
    }
    out.println();
    RunTable.print(out, table);
    Path report =
        ReportCommand.write(deployment, deployment.reports().resolve("convergence-report.html"));
    out.printf("%nReport: %s%n", report);
    out.flush();
    boolean allSucceeded = table.stream().allMatch(r -> r.state() == RunState.SUCCEEDED);
    return allSucceeded && table.size() == runs.size() ? Convergence.OK : Convergence.RUN_FAILED;
  }

  private static void land(PrintWriter out, LocalDeployment deployment, List<DemoRun> runs)
      throws Exception {
    Path marker = deployment.store().resolve("landing/.demo-landed");
    if (Files.exists(marker)) {
      out.println("Billing data already landed.");
      return;
    }
    Path scratch = Files.createTempDirectory("convergence-demo");
    Deliveries deliveries = new Deliveries(deployment.store());
    for (DemoRun run : runs) {
      out.printf(
          "Landing %,d %s line items for %s, %s%n",
          run.rows(), run.provider(), run.tenantId(), run.period());
      out.flush();
      deliveries.land(run.settings(scratch), run.landingPrefix());
    }
    Files.createDirectories(marker.getParent());
    Files.writeString(marker, "");
  }

  static Map<String, Object> request(DemoRun run) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("tenant_id", run.tenantId());
    request.put("pipeline", run.pipeline());
    request.put("billing_period", run.period().toString());
    request.put("trigger", "manual");
    request.put("request_id", run.requestId());
    return request;
  }
}
