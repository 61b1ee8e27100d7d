package dev.convergence.stages.finalize;

import dev.convergence.stages.StageMain;
import dev.convergence.stages.StageOptions;

/**
 * The finalize Cloud Run job: {@code --run-id --tenant --pipeline --billing-period --outcome
 * SUCCEEDED|FAILED [--failed-step STEP --error TEXT] …}.
 */
public final class FinalizeMain {

  private FinalizeMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the stage in this JVM and returns its exit code. */
  public static int run(String... args) {
    return StageMain.run(
        "finalize",
        args,
        StageOptions::finalizeRequest,
        (stages, request) -> stages.finalizer().run(request));
  }
}
