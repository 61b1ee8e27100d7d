package dev.convergence.stages.ingest;

import dev.convergence.stages.StageMain;

/** The ingest Cloud Run job: {@code --run-id --tenant --pipeline --billing-period …}. */
public final class IngestMain {

  private IngestMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the stage in this JVM and returns its exit code. */
  public static int run(String... args) {
    return StageMain.run("ingest", args, (stages, request) -> stages.ingest().run(request));
  }
}
