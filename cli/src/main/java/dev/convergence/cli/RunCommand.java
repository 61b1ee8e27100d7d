package dev.convergence.cli;

import dev.convergence.cli.local.LocalConvergence;
import dev.convergence.cli.local.LocalDeployment;
import dev.convergence.workflows.ExecutionOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One run: a request for a tenant, pipeline and billing period, published and run to its end. With
 * {@code --from}, a local directory of provider files (laid out as the provider delivers them) is
 * first copied under the tenant's landing prefix.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Requests and runs one tenant's pipeline for one billing period.")
final class RunCommand implements Callable<Integer> {

  @Mixin DataDirOption data = new DataDirOption();

  @Option(names = "--tenant", required = true, description = "The tenant id.")
  String tenant;

  @Option(names = "--pipeline", required = true, description = "The pipeline name.")
  String pipeline;

  @Option(names = "--period", required = true, description = "The billing period, YYYY-MM.")
  String period;

  @Option(
      names = "--from",
      description = "A local directory to copy under --landing-prefix before the run.")
  Path from;

  @Option(
      names = "--landing-prefix",
      description = "Where --from goes in the store, e.g. landing/acme_corp/aws/.")
  String landingPrefix;

  @Option(names = "--request-id", description = "The idempotency key; default: a new one.")
  String requestId;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    LocalDeployment deployment = data.deployment().prepare();
    if (from != null) {
      if (landingPrefix == null) {
        spec.commandLine().getErr().println("--landing-prefix: is required with --from");
        return Convergence.USAGE;
      }
      copy(from, deployment.store().resolve(landingPrefix));
    }
    LocalConvergence local = new LocalConvergence(deployment, Clock.systemUTC());
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("tenant_id", tenant);
    request.put("pipeline", pipeline);
    request.put("billing_period", period);
    request.put("trigger", "manual");
    if (requestId != null) {
      request.put("request_id", requestId);
    }
    local.publishRequest(request, Map.of());
    List<ExecutionOutcome> outcomes = local.runWorkflows(what -> out.println("running " + what));
    if (outcomes.isEmpty()) {
      out.println("no run started: the request was refused or names a run already started");
      return Convergence.RUN_FAILED;
    }
    ExecutionOutcome outcome = outcomes.get(0);
    out.println(outcome.state() + outcome.failedStep().map(failed -> " at " + failed).orElse(""));
    out.println(outcome.result());
    return outcome.succeeded() ? Convergence.OK : Convergence.RUN_FAILED;
  }

  private static void copy(Path source, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path to = target.resolve(source.relativize(file).toString());
        Files.createDirectories(to.getParent());
        Files.copy(
            file, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }
}
