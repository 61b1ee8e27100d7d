package dev.convergence.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.core.config.ConfigException;
import dev.convergence.core.config.StrictYaml;
import dev.convergence.core.pipeline.PipelineConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline config's data_quality section stays as strict as the rest of the YAML. */
class DataQualityYamlTest {

  @TempDir Path dir;

  private PipelineConfig read(String dataQuality) throws IOException {
    Path file = dir.resolve("p.yaml");
    Files.writeString(
        file,
        """
        name: aws-cur
        provider: aws
        source_format: aws-cur-legacy-csv
        data_quality:
        """
            + dataQuality);
    return StrictYaml.read(file, "pipelines/p.yaml", PipelineConfig.class);
  }

  @Test
  void readsSeveritiesAndTheWarningShare() throws IOException {
    PipelineConfig config =
        read(
            """
              max_reject_share: "0.001"
              warn_reject_share: "0.0001"
              severities:
                allowed_values: warning
            """);
    assertThat(config.dataQuality().warnRejectShare()).isEqualByComparingTo("0.0001");
    assertThat(config.dataQuality().severityOf(RuleName.ALLOWED_VALUES))
        .isEqualTo(Severity.WARNING);
    assertThat(config.dataQuality().severityOf(RuleName.RECONCILIATION))
        .isEqualTo(Severity.CRITICAL);
    assertThat(config.dataQuality().reconciliationTolerance()).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void anUnknownRuleIsNamedWithItsLine() {
    assertThatThrownBy(
            () ->
                read(
                    """
                      severities:
                        reconcile: warning
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("pipelines/p.yaml")
        .hasMessageContaining(
            "data_quality.severities: unknown rule 'reconcile'; expected one of mandatory_columns");
  }

  @Test
  void anUnknownSeverityIsRefused() {
    assertThatThrownBy(
            () ->
                read(
                    """
                      severities:
                        reconciliation: fatal
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown severity 'fatal'; expected one of critical, warning");
  }
}
