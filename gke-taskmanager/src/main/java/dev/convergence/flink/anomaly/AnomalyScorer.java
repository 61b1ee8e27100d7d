package dev.convergence.flink.anomaly;

import dev.convergence.core.pipeline.AnomalySettings;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores each day of one series against its trailing baseline, robustly: the median of the previous
 * {@code baselineDays} days' costs, and their median absolute deviation (MAD) times 1.4826, which
 * estimates the standard deviation of normally distributed costs but is not dragged by the outliers
 * it is meant to find. A day is anomalous when its cost lies more than {@code threshold} such
 * scales from the median, and the day or its median is at least {@code minDailyCost} (noise on tiny
 * costs is not news).
 *
 * <ul>
 *   <li>A day is scored when its baseline window holds at least half of {@code baselineDays} days
 *       with cost; days without usage rows are absent, not zero.
 *   <li>The scale never falls below 5% of the median's magnitude (nor below 0.01): a perfectly flat
 *       baseline has a MAD of zero, and a few percent of drift is not an anomaly.
 *   <li>History seeds the baseline: earlier runs' days count, except days of a billing period this
 *       run covers (this run restates them) and days this run itself has.
 * </ul>
 */
public final class AnomalyScorer {

  static final BigDecimal MAD_TO_SIGMA = new BigDecimal("1.4826");
  static final BigDecimal MIN_RELATIVE_SCALE = new BigDecimal("0.05");
  static final BigDecimal MIN_SCALE = new BigDecimal("0.01");
  private static final int ESTIMATE_DECIMALS = 6;
  private static final int SCORE_DECIMALS = 4;

  private final AnomalySettings settings;

  public AnomalyScorer(AnomalySettings settings) {
    this.settings = settings;
  }

  /** The anomalies among one series' run days, oldest first. */
  public List<Anomaly> score(String tenantId, String runId, List<CostPoint> series) {
    Set<Object> runPeriods = new HashSet<>();
    NavigableMap<LocalDate, BigDecimal> runDays = new TreeMap<>();
    CostPoint sample = null;
    for (CostPoint p : series) {
      if (p.origin() == PointOrigin.RUN) {
        runPeriods.add(String.valueOf(p.billingPeriodStart()));
        runDays.merge(p.chargeDay(), p.effectiveCost(), BigDecimal::add);
        sample = p;
      }
    }
    if (sample == null) {
      return List.of();
    }
    NavigableMap<LocalDate, BigDecimal> days = new TreeMap<>();
    for (CostPoint p : series) {
      if (p.origin() == PointOrigin.HISTORY
          && !runPeriods.contains(String.valueOf(p.billingPeriodStart()))
          && !runDays.containsKey(p.chargeDay())) {
        days.merge(p.chargeDay(), p.effectiveCost(), BigDecimal::add);
      }
    }
    days.putAll(runDays);

    int window = settings.baselineDays();
    int needed = (window + 1) / 2;
    List<Anomaly> anomalies = new ArrayList<>();
    for (Map.Entry<LocalDate, BigDecimal> day : runDays.entrySet()) {
      LocalDate d = day.getKey();
      List<BigDecimal> baseline =
          new ArrayList<>(days.subMap(d.minusDays(window), true, d, false).values());
      if (baseline.size() < needed) {
        continue;
      }
      Anomaly anomaly = judge(tenantId, runId, sample, d, day.getValue(), baseline);
      if (anomaly != null) {
        anomalies.add(anomaly);
      }
    }
    return anomalies;
  }

  private Anomaly judge(
      String tenantId,
      String runId,
      CostPoint series,
      LocalDate day,
      BigDecimal cost,
      List<BigDecimal> baseline) {
    BigDecimal median = median(baseline);
    List<BigDecimal> deviations = new ArrayList<>();
    baseline.forEach(x -> deviations.add(x.subtract(median).abs()));
    BigDecimal scale =
        MAD_TO_SIGMA
            .multiply(median(deviations))
            .max(median.abs().multiply(MIN_RELATIVE_SCALE))
            .max(MIN_SCALE);
    BigDecimal score =
        cost.subtract(median)
            .divide(scale, MathContext.DECIMAL64)
            .setScale(SCORE_DECIMALS, RoundingMode.HALF_EVEN);
    BigDecimal threshold = settings.threshold();
    boolean material = cost.abs().max(median.abs()).compareTo(settings.minDailyCost()) >= 0;
    if (!material || score.abs().compareTo(threshold) <= 0) {
      return null;
    }
    BigDecimal reach = threshold.multiply(scale);
    Severity severity =
        score.abs().compareTo(threshold.multiply(BigDecimal.valueOf(3))) >= 0
            ? Severity.HIGH
            : score.abs().compareTo(threshold.multiply(BigDecimal.valueOf(2))) >= 0
                ? Severity.MEDIUM
                : Severity.LOW;
    return new Anomaly(
        tenantId,
        runId,
        series.provider(),
        series.billingAccountId(),
        series.billingPeriodStart(),
        series.subAccountId(),
        series.serviceName(),
        series.billingCurrency(),
        day,
        cost,
        estimate(median),
        estimate(median.subtract(reach)),
        estimate(median.add(reach)),
        score,
        baseline.size(),
        severity);
  }

  private static BigDecimal estimate(BigDecimal value) {
    return value.setScale(ESTIMATE_DECIMALS, RoundingMode.HALF_EVEN);
  }

  /** The median, exactly: the middle value, or the mean of the two middle ones. */
  static BigDecimal median(List<BigDecimal> values) {
    List<BigDecimal> sorted = new ArrayList<>(values);
    sorted.sort(BigDecimal::compareTo);
    int n = sorted.size();
    if (n % 2 == 1) {
      return sorted.get(n / 2);
    }
    return sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
  }
}
