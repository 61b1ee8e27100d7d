package dev.convergence.flink.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convergence.core.pipeline.AnomalySettings;
import dev.convergence.core.provider.Provider;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnomalyScorerTest {

  private static final Instant OCTOBER = Instant.parse("2026-10-01T00:00:00Z");
  private static final Instant SEPTEMBER = Instant.parse("2026-09-01T00:00:00Z");
  private static final AnomalyScorer SCORER = new AnomalyScorer(AnomalySettings.DEFAULT);

  private static CostPoint point(Instant period, LocalDate day, String cost, PointOrigin origin) {
    return new CostPoint(
        Provider.AWS,
        "100000000001",
        "200000000002",
        "Amazon Elastic Compute Cloud",
        "USD",
        period,
        day,
        new BigDecimal(cost),
        origin);
  }

  /** October days 1..n at the given costs, from this run. */
  private static List<CostPoint> october(String... costs) {
    List<CostPoint> points = new ArrayList<>();
    for (int d = 0; d < costs.length; d++) {
      points.add(point(OCTOBER, LocalDate.of(2026, 10, d + 1), costs[d], PointOrigin.RUN));
    }
    return points;
  }

  private static String[] flat(int days, String cost, String... then) {
    String[] costs = new String[days + then.length];
    java.util.Arrays.fill(costs, 0, days, cost);
    System.arraycopy(then, 0, costs, days, then.length);
    return costs;
  }

  @Test
  void aSpikeOverAFlatBaselineIsAHighAnomalyWithItsExpectedRange() {
    List<Anomaly> found = SCORER.score("acme_corp", "run-1", october(flat(14, "100", "600")));

    assertThat(found).hasSize(1);
    Anomaly a = found.get(0);
    assertThat(a.chargeDay()).isEqualTo(LocalDate.of(2026, 10, 15));
    assertThat(a.effectiveCost()).isEqualTo(new BigDecimal("600"));
    assertThat(a.baselineMedian()).isEqualTo(new BigDecimal("100.000000"));
    // MAD is 0, so the scale is 5% of the median: 5; 3.5 × 5 either side.
    assertThat(a.expectedLow()).isEqualTo(new BigDecimal("82.500000"));
    assertThat(a.expectedHigh()).isEqualTo(new BigDecimal("117.500000"));
    assertThat(a.score()).isEqualTo(new BigDecimal("100.0000"));
    assertThat(a.baselineDays()).isEqualTo(14);
    assertThat(a.severity()).isEqualTo(Severity.HIGH);
    assertThat(a.xTenantId()).isEqualTo("acme_corp");
    assertThat(a.billingPeriodStart()).isEqualTo(OCTOBER);
  }

  @Test
  void aDropIsAnAnomalyWithANegativeScore() {
    List<Anomaly> found = SCORER.score("t", "r", october(flat(10, "100", "80")));

    assertThat(found)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.score()).isEqualTo(new BigDecimal("-4.0000"));
              assertThat(a.severity()).isEqualTo(Severity.LOW);
            });
  }

  @Test
  void scoresAgainstTheMedianAndMadSoOneEarlierOutlierDoesNotHideTheNext() {
    // Baseline: 100, 110, 90, …, with one earlier spike of 1000 that the median ignores.
    String[] costs = {
      "100", "110", "90", "105", "95", "1000", "100", "110", "90", "105", "95", "100", "110", "90",
      "400"
    };
    List<Anomaly> found = SCORER.score("t", "r", october(costs));

    assertThat(found).extracting(Anomaly::chargeDay).containsExactly(LocalDate.of(2026, 10, 15));
    Anomaly a = found.get(0);
    assertThat(a.baselineMedian()).isEqualTo(new BigDecimal("100.000000"));
    // Deviations from 100 sorted: 0 0 0 5 5 5 5 10 10 10 10 10 10 900, so MAD = 7.5 and the
    // scale 1.4826 × 7.5 = 11.1195: (400 - 100) / 11.1195 = 26.9796.
    assertThat(a.score()).isEqualTo(new BigDecimal("26.9796"));
    assertThat(a.severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void driftWithinTheFloorAndDaysWithTooLittleBaselineAreNotAnomalies() {
    assertThat(SCORER.score("t", "r", october(flat(14, "100", "116")))).isEmpty();
    // Day 7 has six earlier days: fewer than half of 14, so it is not scored at all.
    assertThat(SCORER.score("t", "r", october(flat(6, "100", "900")))).isEmpty();
    assertThat(SCORER.score("t", "r", october(flat(7, "100", "900")))).hasSize(1);
  }

  @Test
  void costsBelowTheMinimumAreNoise() {
    assertThat(SCORER.score("t", "r", october(flat(14, "0.01", "0.90")))).isEmpty();
    assertThat(SCORER.score("t", "r", october(flat(14, "0.01", "1.00")))).hasSize(1);
  }

  @Test
  void historySeedsEarlyDaysButNeverOverridesThisRunsOwnPeriod() {
    List<CostPoint> points = new ArrayList<>(october("100", "100", "900"));
    for (int d = 17; d <= 30; d++) {
      points.add(point(SEPTEMBER, LocalDate.of(2026, 9, d), "100", PointOrigin.HISTORY));
    }
    // An earlier run of October itself said day 3 cost 900 too: this run restates it.
    points.add(point(OCTOBER, LocalDate.of(2026, 10, 2), "5000", PointOrigin.HISTORY));

    List<Anomaly> found = SCORER.score("t", "r", points);

    assertThat(found).extracting(Anomaly::chargeDay).containsExactly(LocalDate.of(2026, 10, 3));
    assertThat(found.get(0).baselineDays()).isEqualTo(14);
    assertThat(found.get(0).baselineMedian()).isEqualTo(new BigDecimal("100.000000"));
  }

  @Test
  void aSeriesWithOnlyHistoryScoresNothing() {
    List<CostPoint> points = new ArrayList<>();
    for (int d = 1; d <= 30; d++) {
      points.add(
          point(SEPTEMBER, LocalDate.of(2026, 9, d), d == 30 ? "999" : "1", PointOrigin.HISTORY));
    }
    assertThat(SCORER.score("t", "r", points)).isEmpty();
  }
}
