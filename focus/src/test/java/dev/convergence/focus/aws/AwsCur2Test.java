package dev.convergence.focus.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.FocusRow;
import dev.convergence.focus.Reject;
import dev.convergence.focus.Samples;
import dev.convergence.focus.SourceContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CUR 2.0 (Data Exports) CSV: snake_case names, resource tags as one JSON map column. */
class AwsCur2Test {

  @Test
  void readsTheCur2LayoutWithTheSameRules() throws IOException {
    List<FocusRow> rows = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    try (ConversionStream stream =
        AwsCurReader.open(
            Samples.open("/aws/cur2-sample.csv"),
            new SourceContext("acme_corp", "run-1", "cur2.csv", "export-2026-10-15"))) {
      stream.drain(rows::add, rejects::add);
    }

    assertThat(rejects).isEmpty();
    assertThat(rows).hasSize(2);
    FocusRow covered = rows.get(0);
    assertThat(covered.billedCost()).isEqualByComparingTo("0.096");
    assertThat(covered.effectiveCost()).isEqualByComparingTo("0.07");
    assertThat(covered.commitmentDiscountType()).isEqualTo("Savings Plan");
    assertThat(covered.regionId()).isEqualTo("us-east-1");
    assertThat(covered.tags())
        .containsExactly(Map.entry("user_env", "prod"), Map.entry("user_team", "Zürich, payments"));
    assertThat(rows.get(1).chargeCategory()).isEqualTo("Tax");
    assertThat(rows.get(1).tags()).isEmpty();
  }
}
