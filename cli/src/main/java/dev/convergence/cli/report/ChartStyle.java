package dev.convergence.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * One look for every chart of the report: white plots, light grid lines, flat bars, no shadows, a
 * colour-blind-safe categorical palette, and titles aligned left like the page's headings.
 */
final class ChartStyle {

  /** Categorical colours that stay distinguishable with the common colour-vision deficiencies. */
  static final Color[] PALETTE = {
    new Color(0x4E79A7),
    new Color(0xF28E2B),
    new Color(0x59A14F),
    new Color(0xB07AA1),
    new Color(0x76B7B2),
    new Color(0xEDC948),
    new Color(0xE15759),
    new Color(0x9C755F),
    new Color(0xFF9DA7),
    new Color(0xBAB0AC)
  };

  static final Color INK = new Color(0x1F2937);
  static final Color MUTED = new Color(0x6B7280);
  static final Color GRID = new Color(0xE5E7EB);
  static final Color DANGER = new Color(0xDC2626);
  static final Color WARNING = new Color(0xD97706);
  static final Color CAUTION = new Color(0xCA8A04);

  private static final StandardChartTheme THEME = theme();

  private ChartStyle() {}

  static JFreeChart apply(JFreeChart chart) {
    THEME.apply(chart);
    chart.setPadding(new RectangleInsets(4, 4, 4, 12));
    TextTitle title = chart.getTitle();
    if (title != null) {
      title.setHorizontalAlignment(HorizontalAlignment.LEFT);
      title.setPadding(new RectangleInsets(4, 8, 10, 4));
    }
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setFrame(BlockBorder.NONE);
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
      legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
    }
    return chart;
  }

  /** Amounts on an axis: grouped, cents only where the ticks need them. */
  static DecimalFormat axisAmounts() {
    return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
  }

  private static StandardChartTheme theme() {
    StandardChartTheme theme = new StandardChartTheme("convergence");
    theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    theme.setLargeFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    theme.setTitlePaint(INK);
    theme.setSubtitlePaint(MUTED);
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setLegendBackgroundPaint(Color.WHITE);
    theme.setLegendItemPaint(INK);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setPlotOutlinePaint(Color.WHITE);
    theme.setDomainGridlinePaint(GRID);
    theme.setRangeGridlinePaint(GRID);
    theme.setAxisLabelPaint(MUTED);
    theme.setTickLabelPaint(MUTED);
    theme.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
    theme.setShadowVisible(false);
    theme.setBarPainter(new StandardBarPainter());
    theme.setXYBarPainter(new StandardXYBarPainter());
    theme.setErrorIndicatorPaint(MUTED);
    theme.setDrawingSupplier(
        new DefaultDrawingSupplier(
            PALETTE.clone(),
            new Paint[] {Color.WHITE},
            new Paint[] {GRID},
            new BasicStroke[] {new BasicStroke(2f)},
            new BasicStroke[] {new BasicStroke(0.5f)},
            DefaultDrawingSupplier.createStandardSeriesShapes()));
    return theme;
  }
}
