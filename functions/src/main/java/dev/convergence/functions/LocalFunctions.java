package dev.convergence.functions;

import dev.convergence.core.bus.EventBus;
import dev.convergence.core.config.ConfigDirectory;
import dev.convergence.core.intake.RunIntake;
import dev.convergence.core.launch.WorkflowLauncher;
import dev.convergence.core.ledger.LedgerSettings;
import dev.convergence.core.ledger.ObjectStoreRunLedger;
import dev.convergence.core.ledger.RunLaunches;
import dev.convergence.core.ledger.RunLedger;
import dev.convergence.core.request.RunRequestParser;
import dev.convergence.core.request.RunRequestValidator;
import dev.convergence.core.store.ObjectStore;
import dev.convergence.core.tenant.TenantRegistry;
import java.time.Clock;

/**
 * The three functions on one machine, built from parts given in (a local directory ledger, an
 * in-process bus, the local workflow executor) rather than from the cloud environment: the same
 * classes the Functions Framework serves, so a local run is admitted exactly as a cloud run is.
 */
public final class LocalFunctions {

  private final FunctionsComponent component;

  private LocalFunctions(FunctionsComponent component) {
    this.component = component;
  }

  public static LocalFunctions create(
      ConfigDirectory config,
      ObjectStore ledgerStore,
      EventBus bus,
      WorkflowLauncher launcher,
      Clock clock) {
    RunRequestParser parser = new RunRequestParser(clock);
    RunLedger ledger =
        new ObjectStoreRunLedger(
            ledgerStore,
            new RunRequestValidator(config.tenants(), config.pipelines()),
            clock,
            LedgerSettings.DEFAULT);
    RunLaunches launches = new RunLaunches(ledgerStore, clock, LedgerSettings.DEFAULT);
    RunIntake intake = new RunIntake(parser, ledger, launches, launcher, bus);
    return new LocalFunctions(new Parts(intake, ledger, launches, parser, config.tenants()));
  }

  /** AcceptRun: run requests from the {@code run-requests} topic. */
  public AcceptRun acceptRun() {
    return new AcceptRun(component.intake());
  }

  /** AdmitRun: the workflow's admission call. */
  public AdmitRun admitRun() {
    return new AdmitRun(component);
  }

  /** RunStatus: a run's record by id. */
  public RunStatus runStatus() {
    return new RunStatus(component);
  }

  /** The run ledger the functions write. */
  public RunLedger ledger() {
    return component.ledger();
  }

  private record Parts(
      RunIntake intake,
      RunLedger ledger,
      RunLaunches launches,
      RunRequestParser parser,
      TenantRegistry tenants)
      implements FunctionsComponent {}
}
