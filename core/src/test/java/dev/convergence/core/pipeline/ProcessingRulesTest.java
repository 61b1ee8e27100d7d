package dev.convergence.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.convergence.core.config.ConfigException;
import dev.convergence.core.config.ConfigProblem;
import dev.convergence.core.tenant.AllocationRule;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessingRulesTest {

  private static ProcessingRules read(String text) {
    return ProcessingRules.read(text.getBytes(StandardCharsets.UTF_8), "rules.json");
  }

  @Test
  void readsTheTenantsAllocationAndThePipelinesAnomalySettingsFromJson() {
    ProcessingRules rules =
        read(
            """
            {"allocation": {"rules": [{"cost_centre": "platform", "tag_key": "team",
                                       "tag_values": ["infra", "platform"]}],
                            "shared_charge_categories": ["Tax"],
                            "shared_services": ["AWS Support (Business)"]},
             "anomaly": {"baseline_days": 21, "threshold": "4.0", "min_daily_cost": "5.00"}}
            """);

    assertThat(rules.allocation().rules())
        .containsExactly(new AllocationRule("platform", "team", List.of("infra", "platform")));
    assertThat(rules.allocation().sharedChargeCategories()).containsExactly("Tax");
    assertThat(rules.allocation().sharedServices()).containsExactly("AWS Support (Business)");
    assertThat(rules.anomaly())
        .isEqualTo(new AnomalySettings(21, new BigDecimal("4.0"), new BigDecimal("5.00")));
  }

  @Test
  void anEmptyObjectMeansNoAllocationAndDefaultAnomalySettings() {
    assertThat(read("{}")).isEqualTo(ProcessingRules.DEFAULT);
  }

  @Test
  void anUnknownKeyOrABadValueIsNamed() {
    ConfigException unknown =
        catchThrowableOfType(ConfigException.class, () -> read("{\"anomaly\": {\"treshold\": 3}}"));
    ConfigException bad =
        catchThrowableOfType(
            ConfigException.class, () -> read("{\"anomaly\": {\"baseline_days\": 3}}"));

    assertThat(unknown.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            "rules.json:1:14: unknown key 'treshold' in anomaly; known keys: baseline_days,"
                + " min_daily_cost, threshold");
    assertThat(bad.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly("rules.json:1:14: anomaly.baseline_days: must be between 7 and 90; got 3");
  }
}
