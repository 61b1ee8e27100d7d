package dev.convergence.core.pipeline;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A fixed set of pipelines, as loaded at start-up. */
public final class StaticPipelineCatalog implements PipelineCatalog {

  private final Map<String, PipelineConfig> byName;

  private StaticPipelineCatalog(Map<String, PipelineConfig> byName) {
    this.byName = byName;
  }

  public static StaticPipelineCatalog of(List<PipelineConfig> pipelines) {
    return new StaticPipelineCatalog(
        pipelines.stream()
            .collect(Collectors.toUnmodifiableMap(PipelineConfig::name, Function.identity())));
  }

  @Override
  public Optional<PipelineConfig> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  @Override
  public List<PipelineConfig> all() {
    return byName.values().stream().sorted(Comparator.comparing(PipelineConfig::name)).toList();
  }
}
