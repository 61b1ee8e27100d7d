package dev.convergence.stages;

import dev.convergence.core.pipeline.PipelineCatalog;
import dev.convergence.core.pipeline.PipelineConfig;

/** The configured pipeline a stage was started for. */
public final class StagePipelines {

  private StagePipelines() {}

  /**
   * @throws StageException {@link StageError#UNKNOWN_PIPELINE} when none by that name exists
   */
  public static PipelineConfig find(PipelineCatalog pipelines, StageRequest request) {
    return pipelines
        .find(request.pipeline())
        .orElseThrow(
            () ->
                new StageException(
                    StageError.UNKNOWN_PIPELINE,
                    "pipeline: no pipeline '" + request.pipeline() + "' is configured"));
  }
}
