package dev.convergence.stages.publish;

import dev.convergence.stages.StageMain;

/** The publish Cloud Run job: {@code --run-id --tenant --pipeline --billing-period …}. */
public final class PublishMain {

  private PublishMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the stage in this JVM and returns its exit code. */
  public static int run(String... args) {
    return StageMain.run("publish", args, (stages, request) -> stages.publish().run(request));
  }
}
