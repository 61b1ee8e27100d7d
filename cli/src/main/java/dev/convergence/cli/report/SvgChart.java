package dev.convergence.cli.report;

import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A chart drawn to an inline SVG element, with the text a screen reader announces for it.
 *
 * <p>The SVG has a view box and no fixed size, so it scales with the page; its {@code <defs>} ids
 * carry the chart's own prefix, so many charts share one HTML document without clashing.
 *
 * @param label what the chart shows, in words: its {@code aria-label}
 * @param svg the {@code <svg>} element; its text was escaped for XML by the SVG writer
 */
record SvgChart(String label, String svg) {

  /** The browser's own interface font first, DejaVu where a Linux desktop has nothing else. */
  private static final String FONTS =
      "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, DejaVu Sans, Arial, sans-serif";

  static SvgChart draw(JFreeChart chart, String id, int width, int height, String label) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(id + "-");
    g.setFontFunction(family -> FONTS);
    chart.draw(g, new Rectangle(0, 0, width, height));
    String svg = g.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null);
    return new SvgChart(label, svg);
  }
}
