package dev.convergence.stages;

import dev.convergence.core.bus.EventBusException;
import dev.convergence.core.ledger.LedgerContentionException;
import dev.convergence.core.store.ObjectStoreException;
import dev.convergence.core.warehouse.WarehouseException;
import java.io.PrintWriter;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * What every stage's {@code main} does: parse the arguments (or environment), build the object
 * graph, run the stage, and turn the outcome into an {@link ExitCode}. A failure is logged once,
 * with its reason code.
 */
public final class StageMain {

  private static final Logger log = LoggerFactory.getLogger(StageMain.class);

  private StageMain() {}

  @Command(mixinStandardHelpOptions = true)
  static final class Arguments {
    @Mixin StageOptions options = new StageOptions();
  }

  /**
   * @param work runs the stage for a request, with the graph built from the settings
   */
  public static int run(
      String stage, String[] args, BiConsumer<StagesComponent, StageRequest> work) {
    return run(stage, args, StageOptions::request, work);
  }

  /**
   * Like {@link #run(String, String[], BiConsumer)}, for a stage whose request carries more than
   * the run (finalize's outcome): {@code request} reads it from the options, before anything is
   * built.
   */
  public static <R> int run(
      String stage,
      String[] args,
      Function<StageOptions, R> request,
      BiConsumer<StagesComponent, R> work) {
    Arguments arguments = new Arguments();
    CommandLine line = new CommandLine(arguments).setCommandName(stage);
    try {
      CommandLine.ParseResult parsed = line.parseArgs(args);
      if (CommandLine.printHelpIfRequested(parsed)) {
        return ExitCode.OK.code();
      }
    } catch (CommandLine.ParameterException e) {
      PrintWriter err = line.getErr();
      err.println(e.getMessage());
      line.usage(err);
      return ExitCode.USAGE.code();
    }
    return execute(
        stage,
        () -> {
          R parsed = request.apply(arguments.options);
          StagesComponent component = StagesComponent.create(arguments.options.settings());
          try (StageResources resources = component.resources()) {
            work.accept(component, parsed);
          }
        });
  }

  /** Runs {@code work} and maps its outcome to an exit code. */
  static int execute(String stage, Runnable work) {
    try {
      work.run();
      log.info("{} finished", stage);
      return ExitCode.OK.code();
    } catch (StageException e) {
      ExitCode code = e.error().exitCode();
      log.error("{} failed: {} {} (exit {})", stage, e.error(), e.getMessage(), code.code());
      return code.code();
    } catch (ObjectStoreException e) {
      log.error("{} failed: the store is unavailable, retry: {}", stage, e.getMessage(), e);
      return ExitCode.TRANSIENT.code();
    } catch (WarehouseException e) {
      ExitCode code = e.retryable() ? ExitCode.TRANSIENT : ExitCode.INTERNAL;
      log.error(
          "{} failed: the warehouse {} ({}) (exit {})",
          stage,
          e.reason(),
          e.getMessage(),
          code.code(),
          e);
      return code.code();
    } catch (EventBusException e) {
      log.error("{} failed: the event bus did not accept a message, retry: {}", stage, e, e);
      return ExitCode.TRANSIENT.code();
    } catch (LedgerContentionException e) {
      log.error("{} failed: the run ledger is contended, retry: {}", stage, e.getMessage());
      return ExitCode.TRANSIENT.code();
    } catch (dev.convergence.core.config.ConfigException e) {
      log.error("{} failed: {}", stage, e.getMessage());
      return ExitCode.USAGE.code();
    } catch (RuntimeException e) {
      log.error("{} failed unexpectedly: {}", stage, e.toString(), e);
      return ExitCode.INTERNAL.code();
    }
  }
}
