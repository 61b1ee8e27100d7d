package dev.convergence.cli.report;

import dev.convergence.core.ledger.RunState;
import dev.convergence.core.warehouse.DqOutcome;
import dev.convergence.core.warehouse.DqResult;
import dev.convergence.core.warehouse.PipelineRun;
import dev.convergence.core.warehouse.StepLog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The report as the template shows it: every value already text (amounts formatted, instants in
 * UTC, badges named), every chart drawn. The template only places and escapes; all decisions about
 * what to show are here, where they can be read and tested as Java.
 */
final class ReportView {

  static final int MAX_ANOMALY_CHARTS = 4;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** Where space is short (the runs table): to the minute, in UTC like every time shown. */
  private static final DateTimeFormatter WHEN_SHORT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  record Report(
      String generatedAt,
      List<Kpi> kpis,
      List<RunRow> runs,
      List<TenantLink> links,
      List<TenantView> tenants) {}

  record Kpi(String label, String value, String note, String tone) {}

  record TenantLink(String anchor, String name, String badge, String tone) {}

  record RunRow(
      String tenantName,
      String tenantAnchor,
      String runId,
      String runAnchor,
      String pipeline,
      String provider,
      String period,
      String state,
      String stateTone,
      String rows,
      String billedCost,
      String rejects,
      String dq,
      String dqTone,
      String anomalies,
      String started,
      String duration,
      String error) {}

  record TenantView(
      String id,
      String name,
      String anchor,
      boolean empty,
      List<Kpi> kpis,
      List<CurrencyView> currencies,
      List<AnomalyRow> anomalies,
      List<SvgChart> anomalyCharts,
      int anomalySeriesNotCharted,
      SvgChart timeline,
      List<RunDetail> runs) {}

  record CurrencyView(
      String code,
      String billed,
      String effective,
      SvgChart daily,
      List<ServiceRow> services,
      SvgChart centres,
      List<CentreRow> centreRows) {}

  record ServiceRow(String service, String billed, String effective, String share) {}

  record CentreRow(String centre, String basis, String billed, String effective) {}

  record AnomalyRow(
      String day,
      String service,
      String subAccount,
      String account,
      String cost,
      String expected,
      String median,
      String score,
      String severity,
      String severityTone) {}

  record RunDetail(
      String runId,
      String anchor,
      String label,
      String state,
      String stateTone,
      String started,
      String finished,
      String duration,
      String dqSummary,
      String dqTone,
      String error,
      boolean open,
      List<StepRow> steps,
      List<DqRow> dq) {}

  record StepRow(
      String step,
      String attempt,
      String state,
      String stateTone,
      String started,
      String duration,
      String message) {}

  record DqRow(
      String rule,
      String severity,
      String result,
      String resultTone,
      String observed,
      String expected,
      String message) {}

  private ReportView() {}

  static Report of(ReportData data) {
    List<RunRow> runs = new ArrayList<>();
    List<TenantView> tenants = new ArrayList<>();
    List<TenantLink> links = new ArrayList<>();
    Map<String, BigDecimal> billed = new TreeMap<>();
    int t = 0;
    for (TenantReport tenant : data.tenants()) {
      String anchor = "tenant-" + tenant.tenantId();
      for (RunReport run : tenant.runs()) {
        runs.add(runRow(tenant, anchor, run, data.generatedAt()));
      }
      tenant.dailyCosts().forEach(c -> billed.merge(c.currency(), c.billedCost(), BigDecimal::add));
      tenants.add(tenantView(tenant, anchor, "t" + t++, data.generatedAt()));
      long failedRuns =
          tenant.runs().stream().filter(r -> r.run().state() == RunState.FAILED).count();
      links.add(
          new TenantLink(
              anchor,
              tenant.displayName(),
              failedRuns > 0 ? failedRuns + " failed" : tenant.runs().size() + " runs",
              failedRuns > 0 ? "bad" : "neutral"));
    }
    List<Kpi> kpis = new ArrayList<>();
    kpis.add(new Kpi("Tenants", String.valueOf(data.tenants().size()), "", "neutral"));
    List<RunReport> all = data.runs();
    kpis.add(new Kpi("Runs", String.valueOf(all.size()), stateCounts(all), "neutral"));
    long failed = all.stream().filter(r -> r.run().state() == RunState.FAILED).count();
    kpis.add(
        new Kpi(
            "Failed runs",
            String.valueOf(failed),
            failed == 0 ? "every run finished cleanly" : "see the runs marked failed",
            failed == 0 ? "ok" : "bad"));
    long anomalies = data.tenants().stream().mapToLong(x -> x.anomalies().size()).sum();
    kpis.add(
        new Kpi(
            "Cost anomalies",
            String.valueOf(anomalies),
            "days outside their expected range",
            anomalies == 0 ? "ok" : "warn"));
    billed.forEach(
        (currency, total) ->
            kpis.add(
                new Kpi(
                    "BilledCost published",
                    Money.format(total, currency),
                    "all tenants, from daily_costs",
                    "neutral")));
    return new Report(WHEN.format(data.generatedAt()), kpis, runs, links, tenants);
  }

  private static String stateCounts(List<RunReport> runs) {
    Map<RunState, Long> counts = new TreeMap<>();
    runs.forEach(r -> counts.merge(r.run().state(), 1L, Long::sum));
    return counts.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT))
        .collect(Collectors.joining(", "));
  }

  private static RunRow runRow(TenantReport tenant, String anchor, RunReport report, Instant now) {
    PipelineRun run = report.run();
    return new RunRow(
        tenant.displayName(),
        anchor,
        run.runId(),
        runAnchor(run),
        run.pipeline(),
        run.provider().wireName(),
        run.billingPeriod().toString(),
        state(run.state()),
        tone(run.state()),
        count(run.focusRows()),
        run.billedCost() == null ? "—" : money(run.billedCost(), runCurrency(tenant, run)),
        count(run.rejectedRows()),
        run.dqOutcome() == null ? "—" : run.dqOutcome().wireName(),
        tone(run.dqOutcome()),
        count(run.anomalies()),
        WHEN_SHORT.format(run.startedAt()),
        duration(run.startedAt(), run.finishedAt(), now),
        error(run));
  }

  private static TenantView tenantView(TenantReport tenant, String anchor, String id, Instant now) {
    List<Kpi> kpis = new ArrayList<>();
    List<CurrencyView> currencies = new ArrayList<>();
    Map<String, List<DailyCost>> daily = new TreeMap<>();
    tenant
        .dailyCosts()
        .forEach(c -> daily.computeIfAbsent(c.currency(), k -> new ArrayList<>()).add(c));
    Map<String, List<CostCentreCost>> centres = new TreeMap<>();
    tenant
        .costCentres()
        .forEach(c -> centres.computeIfAbsent(c.currency(), k -> new ArrayList<>()).add(c));
    int c = 0;
    for (Map.Entry<String, List<DailyCost>> e : daily.entrySet()) {
      String currency = e.getKey();
      BigDecimal billed = sum(e.getValue(), DailyCost::billedCost);
      BigDecimal effective = sum(e.getValue(), DailyCost::effectiveCost);
      kpis.add(
          new Kpi(
              "BilledCost", Money.format(billed, currency), "published, all periods", "neutral"));
      kpis.add(
          new Kpi(
              "EffectiveCost",
              Money.format(effective, currency),
              "after discounts and amortisation",
              "neutral"));
      List<CostCentreCost> centreCosts = centres.getOrDefault(currency, List.of());
      currencies.add(
          new CurrencyView(
              currency,
              Money.format(billed, currency),
              Money.format(effective, currency),
              DailyCostChart.draw(e.getValue(), currency, id + "-daily-" + c),
              services(e.getValue(), effective),
              centreCosts.isEmpty()
                  ? null
                  : CostCentreChart.draw(centreCosts, currency, id + "-centres-" + c),
              centreCosts.stream()
                  .map(
                      x ->
                          new CentreRow(
                              CostCentreChart.centre(x),
                              CostCentreChart.basis(x.allocation()),
                              Money.amount(x.billedCost()),
                              Money.amount(x.effectiveCost())))
                  .toList()));
      c++;
    }
    long failed = tenant.runs().stream().filter(r -> r.run().state() == RunState.FAILED).count();
    kpis.add(
        new Kpi(
            "Runs",
            String.valueOf(tenant.runs().size()),
            failed == 0 ? "none failed" : failed + " failed",
            failed == 0 ? "neutral" : "bad"));
    long high = tenant.anomalies().stream().filter(a -> a.severity().equals("high")).count();
    kpis.add(
        new Kpi(
            "Anomalies",
            String.valueOf(tenant.anomalies().size()),
            high == 0 ? "none high" : high + " high",
            tenant.anomalies().isEmpty() ? "ok" : high > 0 ? "bad" : "warn"));

    // One chart per anomalous series, the most anomalous first.
    Map<CostAnomaly, List<CostAnomaly>> series = new LinkedHashMap<>();
    for (CostAnomaly a : tenant.anomalies()) {
      CostAnomaly key =
          series.keySet().stream().filter(k -> sameSeries(k, a)).findFirst().orElse(a);
      series.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
    }
    List<List<CostAnomaly>> ranked =
        series.values().stream()
            .sorted(Comparator.comparing(ReportView::maxScore).reversed())
            .toList();
    List<SvgChart> anomalyCharts = new ArrayList<>();
    for (int i = 0; i < Math.min(MAX_ANOMALY_CHARTS, ranked.size()); i++) {
      List<CostAnomaly> of = ranked.get(i);
      List<DailyCost> days = tenant.dailyCosts().stream().filter(of.get(0)::sameSeries).toList();
      anomalyCharts.add(AnomalyChart.draw(days, of, id + "-anomaly-" + i));
    }

    return new TenantView(
        tenant.tenantId(),
        tenant.displayName(),
        anchor,
        tenant.isEmpty(),
        kpis,
        currencies,
        tenant.anomalies().stream().map(ReportView::anomalyRow).toList(),
        anomalyCharts,
        Math.max(0, ranked.size() - MAX_ANOMALY_CHARTS),
        tenant.runs().isEmpty()
            ? null
            : RunTimelineChart.draw(tenant.runs(), now, id + "-timeline"),
        tenant.runs().stream().map(r -> runDetail(r, now)).toList());
  }

  private static List<ServiceRow> services(List<DailyCost> costs, BigDecimal effectiveTotal) {
    Map<String, BigDecimal[]> byService = new TreeMap<>();
    for (DailyCost c : costs) {
      BigDecimal[] sums =
          byService.computeIfAbsent(
              DailyCostChart.service(c), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      sums[0] = sums[0].add(c.billedCost());
      sums[1] = sums[1].add(c.effectiveCost());
    }
    return byService.entrySet().stream()
        .sorted((a, b) -> b.getValue()[1].compareTo(a.getValue()[1]))
        .map(
            e ->
                new ServiceRow(
                    e.getKey(),
                    Money.amount(e.getValue()[0]),
                    Money.amount(e.getValue()[1]),
                    share(e.getValue()[1], effectiveTotal)))
        .toList();
  }

  private static String share(BigDecimal part, BigDecimal total) {
    if (total.signum() == 0) {
      return "—";
    }
    return part.multiply(BigDecimal.valueOf(100))
            .divide(total, 1, RoundingMode.HALF_UP)
            .toPlainString()
        + " %";
  }

  private static AnomalyRow anomalyRow(CostAnomaly a) {
    return new AnomalyRow(
        a.chargeDay().toString(),
        a.serviceName() == null ? DailyCostChart.NO_SERVICE : a.serviceName(),
        a.subAccountId() == null ? "—" : a.subAccountId(),
        a.billingAccountId() == null ? "—" : a.billingAccountId(),
        Money.format(a.effectiveCost(), a.currency()),
        a.expectedLow() == null || a.expectedHigh() == null
            ? "—"
            : Money.amount(a.expectedLow()) + " – " + Money.amount(a.expectedHigh()),
        a.baselineMedian() == null ? "—" : Money.amount(a.baselineMedian()),
        a.score() == null ? "—" : a.score().setScale(2, RoundingMode.HALF_UP).toPlainString(),
        a.severity(),
        switch (a.severity()) {
          case "high" -> "bad";
          case "medium" -> "warn";
          default -> "caution";
        });
  }

  private static RunDetail runDetail(RunReport report, Instant now) {
    PipelineRun run = report.run();
    long failedRules = report.dqResults().stream().filter(r -> !r.passed()).count();
    String dqSummary =
        report.dqResults().isEmpty()
            ? "no data-quality results"
            : (report.dqResults().size() - failedRules)
                + " of "
                + report.dqResults().size()
                + " rules passed";
    return new RunDetail(
        run.runId(),
        runAnchor(run),
        RunTimelineChart.label(report),
        state(run.state()),
        tone(run.state()),
        WHEN.format(run.startedAt()),
        run.finishedAt() == null ? "—" : WHEN.format(run.finishedAt()),
        duration(run.startedAt(), run.finishedAt(), now),
        dqSummary,
        run.dqOutcome() != null ? tone(run.dqOutcome()) : failedRules > 0 ? "bad" : "neutral",
        error(run),
        run.state() == RunState.FAILED,
        report.steps().stream().map(s -> stepRow(s, now)).toList(),
        report.dqResults().stream().map(ReportView::dqRow).toList());
  }

  private static StepRow stepRow(StepLog step, Instant now) {
    return new StepRow(
        step.step(),
        String.valueOf(step.attempt()),
        step.state().wireName(),
        switch (step.state()) {
          case SUCCEEDED -> "ok";
          case FAILED -> "bad";
          case RUNNING -> "info";
        },
        WHEN.format(step.startedAt()),
        duration(step.startedAt(), step.finishedAt(), now),
        step.message() == null ? "" : step.message());
  }

  private static DqRow dqRow(DqResult r) {
    return new DqRow(
        r.rule(),
        r.severity().wireName(),
        r.passed() ? "passed" : "failed",
        r.passed()
            ? "ok"
            : switch (r.severity()) {
              case CRITICAL -> "bad";
              case WARNING -> "warn";
            },
        r.observed(),
        r.expected(),
        r.message());
  }

  private static boolean sameSeries(CostAnomaly a, CostAnomaly b) {
    return a.provider().equals(b.provider())
        && Objects.equals(a.billingAccountId(), b.billingAccountId())
        && Objects.equals(a.subAccountId(), b.subAccountId())
        && Objects.equals(a.serviceName(), b.serviceName())
        && a.currency().equals(b.currency());
  }

  private static BigDecimal maxScore(List<CostAnomaly> anomalies) {
    return anomalies.stream()
        .map(a -> a.score() == null ? BigDecimal.ZERO : a.score().abs())
        .max(BigDecimal::compareTo)
        .orElse(BigDecimal.ZERO);
  }

  /**
   * The currency of a run's BilledCost: {@code pipeline_runs} does not record it, so it is the
   * tenant's published currency for the run's provider when there is exactly one.
   */
  private static String runCurrency(TenantReport tenant, PipelineRun run) {
    List<String> currencies =
        tenant.dailyCosts().stream()
            .filter(c -> c.provider().equals(run.provider().wireName()))
            .map(DailyCost::currency)
            .distinct()
            .toList();
    return currencies.size() == 1 ? currencies.get(0) : null;
  }

  private static String money(BigDecimal amount, String currency) {
    return currency == null ? Money.amount(amount) : Money.format(amount, currency);
  }

  private static BigDecimal sum(
      List<DailyCost> costs, java.util.function.Function<DailyCost, BigDecimal> amount) {
    return costs.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static String runAnchor(PipelineRun run) {
    return "run-" + run.runId().replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private static String count(Long value) {
    return value == null ? "—" : String.format(java.util.Locale.ROOT, "%,d", value);
  }

  private static String error(PipelineRun run) {
    if (run.errorStep() == null && run.errorMessage() == null) {
      return "";
    }
    return (run.errorStep() == null ? "" : run.errorStep() + ": ")
        + (run.errorMessage() == null ? "" : run.errorMessage());
  }

  private static String state(RunState state) {
    return state.name().toLowerCase(java.util.Locale.ROOT);
  }

  static String tone(RunState state) {
    return switch (state) {
      case SUCCEEDED -> "ok";
      case FAILED -> "bad";
      case REJECTED -> "warn";
      case ACCEPTED, RUNNING -> "info";
    };
  }

  private static String tone(DqOutcome outcome) {
    if (outcome == null) {
      return "neutral";
    }
    return switch (outcome) {
      case PASSED -> "ok";
      case WARNINGS -> "warn";
      case FAILED -> "bad";
    };
  }

  /** A duration as a person reads it: {@code 850 ms}, {@code 42.5 s}, {@code 3 min 05 s}. */
  static String duration(Instant start, Instant end, Instant now) {
    Duration d = Duration.between(start, end == null ? now : end);
    String text;
    if (d.isNegative()) {
      text = "—";
    } else if (d.toMillis() < 1000) {
      text = d.toMillis() + " ms";
    } else if (d.toSeconds() < 60) {
      text =
          BigDecimal.valueOf(d.toMillis()).movePointLeft(3).setScale(1, RoundingMode.HALF_UP)
              + " s";
    } else if (d.toMinutes() < 60) {
      text =
          String.format(java.util.Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    } else {
      text = String.format(java.util.Locale.ROOT, "%d h %02d min", d.toHours(), d.toMinutesPart());
    }
    return end == null && !d.isNegative() ? text + " so far" : text;
  }
}
