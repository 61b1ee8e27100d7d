package dev.convergence.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimePeriodAnchor;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One series' daily EffectiveCost with its anomalous days marked: the day shaded, the cost as a dot
 * coloured by severity, and beside it the range the baseline expected (a bar from the low to the
 * high end, through the baseline median), so a reader sees how far outside the range it fell.
 */
final class AnomalyChart {

  static final Map<String, Color> SEVERITY_COLOURS =
      Map.of("high", ChartStyle.DANGER, "medium", ChartStyle.WARNING, "low", ChartStyle.CAUTION);

  private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);

  private AnomalyChart() {}

  /**
   * @param series the days of the anomalies' series
   * @param anomalies anomalies of that one series
   */
  static SvgChart draw(List<DailyCost> series, List<CostAnomaly> anomalies, String id) {
    CostAnomaly first = anomalies.get(0);
    String name = seriesName(first);

    TreeMap<LocalDate, BigDecimal> days = new TreeMap<>();
    series.forEach(c -> days.merge(c.chargeDay(), c.effectiveCost(), BigDecimal::add));
    TimeSeries cost = new TimeSeries("Daily EffectiveCost");
    days.forEach((day, amount) -> cost.add(day(day), amount));

    YIntervalSeries expected = new YIntervalSeries("Expected range (baseline median)");
    TreeMap<String, TimeSeries> bySeverity = new TreeMap<>();
    for (CostAnomaly a : anomalies) {
      if (a.expectedLow() != null && a.expectedHigh() != null && a.baselineMedian() != null) {
        // The one place an amount becomes a double: a coordinate on the drawing.
        expected.add(
            day(a.chargeDay()).getMiddleMillisecond(),
            a.baselineMedian().doubleValue(),
            a.expectedLow().doubleValue(),
            a.expectedHigh().doubleValue());
      }
      bySeverity
          .computeIfAbsent(a.severity(), s -> new TimeSeries(capitalised(s) + " anomaly"))
          .addOrUpdate(day(a.chargeDay()), a.effectiveCost());
    }

    DateAxis time = new DateAxis("Charge day (UTC)");
    time.setTimeZone(UTC);
    time.setDateFormatOverride(dateFormat());
    NumberAxis amount = new NumberAxis("EffectiveCost (" + first.currency() + ")");
    amount.setNumberFormatOverride(ChartStyle.axisAmounts());
    amount.setAutoRangeIncludesZero(true);

    XYPlot plot = new XYPlot();
    plot.setDomainAxis(time);
    plot.setRangeAxis(amount);
    // The theme resets series colours: style first, then colour the series.
    JFreeChart chart = new JFreeChart(name, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    ChartStyle.apply(chart);

    TimeSeriesCollection anomalyData = new TimeSeriesCollection(UTC);
    anomalyData.setXPosition(TimePeriodAnchor.MIDDLE);
    XYLineAndShapeRenderer anomalyDots = new XYLineAndShapeRenderer(false, true);
    int s = 0;
    for (Map.Entry<String, TimeSeries> e : bySeverity.entrySet()) {
      anomalyData.addSeries(e.getValue());
      anomalyDots.setSeriesPaint(s, SEVERITY_COLOURS.getOrDefault(e.getKey(), ChartStyle.DANGER));
      anomalyDots.setSeriesShape(s, new Ellipse2D.Double(-6, -6, 12, 12));
      s++;
    }
    plot.setDataset(0, anomalyData);
    plot.setRenderer(0, anomalyDots);

    YIntervalSeriesCollection expectedData = new YIntervalSeriesCollection();
    expectedData.addSeries(expected);
    XYErrorRenderer range = new XYErrorRenderer();
    range.setDrawXError(false);
    range.setDefaultLinesVisible(false);
    range.setCapLength(10);
    range.setErrorStroke(new BasicStroke(3f));
    range.setErrorPaint(new Color(0x94A3B8));
    range.setSeriesPaint(0, new Color(0x64748B));
    range.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
    plot.setDataset(1, expectedData);
    plot.setRenderer(1, range);

    TimeSeriesCollection costData = new TimeSeriesCollection(cost, UTC);
    costData.setXPosition(TimePeriodAnchor.MIDDLE);
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
    line.setSeriesPaint(0, ChartStyle.PALETTE[0]);
    line.setSeriesStroke(0, new BasicStroke(2f));
    line.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
    plot.setDataset(2, costData);
    plot.setRenderer(2, line);

    for (CostAnomaly a : anomalies) {
      Day day = day(a.chargeDay());
      IntervalMarker shade =
          new IntervalMarker(day.getFirstMillisecond(), day.getLastMillisecond());
      shade.setPaint(new Color(0xFEE2E2));
      shade.setOutlinePaint(null);
      plot.addDomainMarker(shade, org.jfree.chart.ui.Layer.BACKGROUND);
    }

    String label =
        "Line chart of daily EffectiveCost in "
            + first.currency()
            + " for "
            + name
            + ", with "
            + anomalies.size()
            + " anomalous day(s) marked and the range the baseline expected on each";
    return SvgChart.draw(chart, id, 640, 300, label);
  }

  /** The series as a person reads it: service, then where it ran. */
  static String seriesName(CostAnomaly a) {
    StringBuilder name =
        new StringBuilder(a.serviceName() == null ? DailyCostChart.NO_SERVICE : a.serviceName());
    if (a.subAccountId() != null) {
      name.append(" · ").append(a.subAccountId());
    }
    return name.toString();
  }

  private static Day day(LocalDate date) {
    return new Day(
        java.util.Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()),
        UTC,
        java.util.Locale.ROOT);
  }

  private static java.text.SimpleDateFormat dateFormat() {
    java.text.SimpleDateFormat format =
        new java.text.SimpleDateFormat("MMM d", java.util.Locale.ENGLISH);
    format.setTimeZone(UTC);
    return format;
  }

  private static String capitalised(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
