package dev.convergence.stages.check;

import dev.convergence.stages.StageMain;

/** The check Cloud Run job: {@code --run-id --tenant --pipeline --billing-period …}. */
public final class CheckMain {

  private CheckMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the stage in this JVM and returns its exit code. */
  public static int run(String... args) {
    return StageMain.run("check", args, (stages, request) -> stages.check().run(request));
  }
}
