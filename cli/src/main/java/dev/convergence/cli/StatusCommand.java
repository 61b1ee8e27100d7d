package dev.convergence.cli;

import dev.convergence.cli.local.LocalDeployment;
import dev.convergence.core.ledger.RunRecord;
import dev.convergence.core.ledger.StateChange;
import dev.convergence.core.tenant.Tenant;
import dev.convergence.functions.LocalFunctions;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs as the ledger knows them: a tenant's recent runs, or one run with its history. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Shows recent runs, or one run's history, from the run ledger.")
final class StatusCommand implements Callable<Integer> {

  @Mixin DataDirOption data = new DataDirOption();

  @Option(names = "--tenant", description = "Only this tenant's runs.")
  String tenant;

  @Parameters(arity = "0..1", description = "A run id (needs --tenant).")
  String runId;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LocalDeployment deployment = data.deployment();
    var ledger =
        LocalFunctions.create(
                deployment.loadConfig(),
                deployment.objectStore(),
                (topic, bytes, attributes) -> {},
                run -> {
                  throw new IllegalStateException("status starts no run");
                },
                Clock.systemUTC())
            .ledger();
    if (runId != null) {
      if (tenant == null) {
        spec.commandLine().getErr().println("--tenant: is required with a run id");
        return Convergence.USAGE;
      }
      Optional<RunRecord> run = ledger.find(tenant, runId);
      if (run.isEmpty()) {
        spec.commandLine().getErr().println("no run " + runId + " for tenant " + tenant);
        return Convergence.BAD_INPUT;
      }
      out.printf(
          "%s %s %s %s%n",
          run.get().runId(), run.get().pipeline(), run.get().billingPeriod(), run.get().state());
      for (StateChange change : run.get().history()) {
        out.printf(
            "  %s  %-10s %s%n",
            change.at(), change.state(), change.reason() == null ? "" : change.reason());
      }
      return Convergence.OK;
    }
    List<String> tenants =
        tenant != null
            ? List.of(tenant)
            : deployment.loadConfig().tenants().all().stream().map(Tenant::id).toList();
    for (String id : tenants) {
      for (RunRecord run : ledger.recentRuns(id, 20)) {
        out.printf(
            "%-10s %-40s %-12s %s %s%n",
            id, run.runId(), run.pipeline(), run.billingPeriod(), run.state());
      }
    }
    return Convergence.OK;
  }
}
