package dev.convergence.core.pipeline;

import java.util.List;
import java.util.Optional;

/** The configured pipelines. */
public interface PipelineCatalog {

  Optional<PipelineConfig> find(String name);

  /** Every pipeline, sorted by name. */
  List<PipelineConfig> all();
}
