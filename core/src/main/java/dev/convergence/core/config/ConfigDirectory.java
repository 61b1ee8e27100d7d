package dev.convergence.core.config;

import dev.convergence.core.pipeline.PipelineCatalog;
import dev.convergence.core.pipeline.PipelineConfig;
import dev.convergence.core.pipeline.StaticPipelineCatalog;
import dev.convergence.core.tenant.Schedule;
import dev.convergence.core.tenant.StaticTenantRegistry;
import dev.convergence.core.tenant.Tenant;
import dev.convergence.core.tenant.TenantRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tenants and pipelines of a configuration directory, loaded and cross-checked at start-up:
 *
 * <pre>
 * root/
 *   pipelines/&lt;name&gt;.yaml   one {@link PipelineConfig} each
 *   tenants/&lt;id&gt;.yaml       one {@link Tenant} each
 * </pre>
 *
 * A schedule that names an unknown pipeline, or a pipeline whose provider the tenant does not have,
 * fails the load: it would only fail later, at the first firing.
 */
public record ConfigDirectory(TenantRegistry tenants, PipelineCatalog pipelines) {

  public static ConfigDirectory load(Path root) {
    Map<String, PipelineConfig> pipelines =
        YamlDirectory.readAll(
            root.resolve("pipelines"),
            "pipelines",
            PipelineConfig.class,
            PipelineConfig::name,
            "name");
    Map<String, Tenant> tenants =
        YamlDirectory.readAll(root.resolve("tenants"), "tenants", Tenant.class, Tenant::id, "id");
    List<ConfigProblem> problems = new ArrayList<>();
    for (Tenant tenant : tenants.values()) {
      String file = "tenants/" + tenant.id() + ".yaml";
      for (Schedule schedule : tenant.schedules()) {
        PipelineConfig pipeline = pipelines.get(schedule.pipeline());
        if (pipeline == null) {
          problems.add(
              ConfigProblem.inFile(
                  file,
                  "schedules: pipeline '"
                      + schedule.pipeline()
                      + "' is not configured; known pipelines: "
                      + String.join(", ", pipelines.keySet())));
        } else if (tenant.provider(pipeline.provider()).isEmpty()) {
          problems.add(
              ConfigProblem.inFile(
                  file,
                  "schedules: pipeline '"
                      + pipeline.name()
                      + "' reads "
                      + pipeline.provider()
                      + " data, but the tenant has no "
                      + pipeline.provider()
                      + " provider"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new ConfigDirectory(
        StaticTenantRegistry.of(List.copyOf(tenants.values())),
        StaticPipelineCatalog.of(List.copyOf(pipelines.values())));
  }
}
