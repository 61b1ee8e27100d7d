package dev.convergence.cli.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * EffectiveCost per charge day, stacked by service, in one currency: the shape of a month at a
 * glance. The largest services get their own colour and the rest are summed as one, so the legend
 * stays readable. Days without cost are drawn as empty columns, so the axis is a true calendar.
 */
final class DailyCostChart {

  static final int MAX_SERVICES = 8;
  static final String OTHER = "Other services";
  static final String NO_SERVICE = "(no service)";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

  private DailyCostChart() {}

  static SvgChart draw(List<DailyCost> costs, String currency, String id) {
    Map<String, BigDecimal> byService = new LinkedHashMap<>();
    for (DailyCost c : costs) {
      byService.merge(service(c), c.effectiveCost(), BigDecimal::add);
    }
    List<String> top =
        byService.entrySet().stream()
            .sorted(
                Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(Map.Entry::getKey)
            .limit(byService.size() > MAX_SERVICES ? MAX_SERVICES - 1 : MAX_SERVICES)
            .toList();

    // service -> day -> cost, summed exactly before anything is drawn.
    Map<String, TreeMap<LocalDate, BigDecimal>> cells = new LinkedHashMap<>();
    top.forEach(s -> cells.put(s, new TreeMap<>()));
    LocalDate first = null;
    LocalDate last = null;
    for (DailyCost c : costs) {
      String service = top.contains(service(c)) ? service(c) : OTHER;
      cells
          .computeIfAbsent(service, s -> new TreeMap<>())
          .merge(c.chargeDay(), c.effectiveCost(), BigDecimal::add);
      first = first == null || c.chargeDay().isBefore(first) ? c.chargeDay() : first;
      last = last == null || c.chargeDay().isAfter(last) ? c.chargeDay() : last;
    }

    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    String firstSeries = cells.keySet().iterator().next();
    int days = 0;
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1), days++) {
      dataset.addValue(null, firstSeries, DAY.format(d));
    }
    for (Map.Entry<String, TreeMap<LocalDate, BigDecimal>> series : cells.entrySet()) {
      for (Map.Entry<LocalDate, BigDecimal> cell : series.getValue().entrySet()) {
        // The dataset keeps the BigDecimal; the renderer turns it into a coordinate.
        dataset.addValue(cell.getValue(), series.getKey(), DAY.format(cell.getKey()));
      }
    }

    JFreeChart chart =
        ChartFactory.createStackedBarChart(
            null, // the page's heading names the chart
            "Charge day (UTC)",
            "EffectiveCost (" + currency + ")",
            dataset,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    ChartStyle.apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setDomainGridlinesVisible(false);
    StackedBarRenderer renderer = (StackedBarRenderer) plot.getRenderer();
    renderer.setMaximumBarWidth(0.06);
    renderer.setDrawBarOutline(false);
    int s = 0;
    for (String service : cells.keySet()) {
      renderer.setSeriesPaint(
          s,
          service.equals(OTHER)
              ? ChartStyle.PALETTE[ChartStyle.PALETTE.length - 1]
              : ChartStyle.PALETTE[s % (ChartStyle.PALETTE.length - 1)]);
      s++;
    }
    CategoryAxis domain = plot.getDomainAxis();
    domain.setCategoryMargin(0.25);
    domain.setLowerMargin(0.01);
    domain.setUpperMargin(0.01);
    if (days > 10) {
      domain.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    range.setNumberFormatOverride(ChartStyle.axisAmounts());
    String label =
        "Stacked bar chart of daily EffectiveCost in "
            + currency
            + " by service, "
            + first
            + " to "
            + last
            + ", for "
            + String.join(", ", cells.keySet());
    return SvgChart.draw(chart, id, 960, 400, label);
  }

  static String service(DailyCost cost) {
    return cost.serviceName() == null || cost.serviceName().isBlank()
        ? NO_SERVICE
        : cost.serviceName();
  }
}
