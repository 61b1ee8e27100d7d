package dev.convergence.functions;

import dagger.BindsInstance;
import dagger.Component;
import dev.convergence.core.intake.RunIntake;
import dev.convergence.core.ledger.RunLaunches;
import dev.convergence.core.ledger.RunLedger;
import dev.convergence.core.request.RunRequestParser;
import dev.convergence.core.tenant.TenantRegistry;
import jakarta.inject.Singleton;

/** The functions' object graph. Building it builds nothing: each client is made on first use. */
@Singleton
@Component(modules = FunctionsModule.class)
interface FunctionsComponent {

  RunIntake intake();

  RunLedger ledger();

  RunLaunches launches();

  RunRequestParser parser();

  TenantRegistry tenants();

  static FunctionsComponent create(FunctionSettings settings) {
    return DaggerFunctionsComponent.factory().create(settings);
  }

  @Component.Factory
  interface Factory {
    FunctionsComponent create(@BindsInstance FunctionSettings settings);
  }
}
