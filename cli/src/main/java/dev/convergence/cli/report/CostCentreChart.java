package dev.convergence.cli.report;

import java.awt.Color;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * EffectiveCost per cost centre as horizontal bars, each split by how the cost got there: matched
 * by a tagging rule, or a proportional share of shared and untagged cost. Unallocated cost is its
 * own bar, so a gap in the tagging shows as one.
 */
final class CostCentreChart {

  static final String UNALLOCATED = "(unallocated)";

  private static final Map<String, Color> BASIS_COLOURS =
      Map.of(
          "rule", ChartStyle.PALETTE[0],
          "proportional", new Color(0xA0CBE8),
          "unallocated", ChartStyle.PALETTE[ChartStyle.PALETTE.length - 1]);

  private CostCentreChart() {}

  /**
   * @param costs one currency's rows, largest first (as {@link DuckDbReportData} sorts them)
   */
  static SvgChart draw(List<CostCentreCost> costs, String currency, String id) {
    // Centres in order of their total, basis series in a fixed order.
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    for (CostCentreCost c : costs) {
      totals.merge(centre(c), c.effectiveCost(), BigDecimal::add);
    }
    List<String> centres =
        totals.entrySet().stream()
            .sorted(
                Map.Entry.<String, BigDecimal>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(Map.Entry::getKey)
            .toList();
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    List<String> bases =
        costs.stream()
            .map(CostCentreCost::allocation)
            .distinct()
            .sorted((a, b) -> Integer.compare(rank(a), rank(b)))
            .toList();
    for (String centre : centres) {
      for (String basis : bases) {
        dataset.addValue(null, basis(basis), centre);
      }
    }
    for (CostCentreCost c : costs) {
      Number current = dataset.getValue(basis(c.allocation()), centre(c));
      BigDecimal sum =
          current == null ? c.effectiveCost() : ((BigDecimal) current).add(c.effectiveCost());
      dataset.addValue(sum, basis(c.allocation()), centre(c));
    }
    JFreeChart chart =
        ChartFactory.createStackedBarChart(
            null, // the page's heading names the chart
            null,
            "EffectiveCost (" + currency + ")",
            dataset,
            PlotOrientation.HORIZONTAL,
            true,
            false,
            false);
    ChartStyle.apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setDomainGridlinesVisible(false);
    StackedBarRenderer renderer = (StackedBarRenderer) plot.getRenderer();
    renderer.setMaximumBarWidth(0.12);
    renderer.setDrawBarOutline(false);
    for (int i = 0; i < bases.size(); i++) {
      renderer.setSeriesPaint(i, BASIS_COLOURS.getOrDefault(bases.get(i), ChartStyle.PALETTE[3]));
    }
    plot.getDomainAxis().setCategoryMargin(0.3);
    plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    range.setNumberFormatOverride(ChartStyle.axisAmounts());
    int height = Math.max(220, 110 + 42 * centres.size());
    String label =
        "Horizontal bar chart of EffectiveCost in "
            + currency
            + " by cost centre ("
            + String.join(", ", centres)
            + "), split by allocation basis";
    return SvgChart.draw(chart, id, 640, height, label);
  }

  static String centre(CostCentreCost cost) {
    return cost.costCentre() == null ? UNALLOCATED : cost.costCentre();
  }

  /** The allocation basis as the legend and tables name it. */
  static String basis(String allocation) {
    return switch (allocation) {
      case "rule" -> "Tag rule";
      case "proportional" -> "Proportional share";
      case "unallocated" -> "Unallocated";
      default -> allocation;
    };
  }

  private static int rank(String basis) {
    return switch (basis) {
      case "rule" -> 0;
      case "proportional" -> 1;
      case "unallocated" -> 2;
      default -> 3;
    };
  }
}
