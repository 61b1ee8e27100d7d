package dev.convergence.stages;

import dagger.BindsInstance;
import dagger.Component;
import dev.convergence.stages.check.CheckStage;
import dev.convergence.stages.finalize.FinalizeStage;
import dev.convergence.stages.ingest.IngestStage;
import dev.convergence.stages.publish.PublishStage;
import jakarta.inject.Singleton;

/** The stages' object graph: one per process. */
@Singleton
@Component(modules = StagesModule.class)
public interface StagesComponent {

  IngestStage ingest();

  CheckStage check();

  PublishStage publish();

  /** The finalize stage ({@code finalize} is a reserved method name in Java). */
  FinalizeStage finalizer();

  /** What the stages opened, closed by {@link StageMain} when the stage ends. */
  StageResources resources();

  static StagesComponent create(StageSettings settings) {
    return DaggerStagesComponent.factory().create(settings);
  }

  /** Builds the graph around the settings. */
  @Component.Factory
  interface Factory {
    StagesComponent create(@BindsInstance StageSettings settings);
  }
}
