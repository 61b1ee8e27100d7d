package dev.convergence.core.pipeline;

import dev.convergence.core.config.Require;
import dev.convergence.core.provider.Provider;
import java.util.regex.Pattern;

/**
 * A named way of processing one provider's data, as configured in {@code pipelines/<name>.yaml}.
 */
public record PipelineConfig(
    String name,
    String description,
    Provider provider,
    SourceFormat sourceFormat,
    DataQualitySettings dataQuality,
    AnomalySettings anomaly) {

  /** What a pipeline name may be. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

  public PipelineConfig {
    Require.matches(
        name,
        NAME,
        "name",
        "2 to 63 lowercase letters, digits or '-', starting with a letter or digit");
    description = description == null ? "" : description;
    Require.present(provider, "provider");
    Require.present(sourceFormat, "source_format");
    Require.that(
        sourceFormat.provider() == provider,
        "source_format",
        sourceFormat + " reads " + sourceFormat.provider() + " data, but provider is " + provider);
    dataQuality = dataQuality == null ? DataQualitySettings.DEFAULT : dataQuality;
    anomaly = anomaly == null ? AnomalySettings.DEFAULT : anomaly;
  }
}
