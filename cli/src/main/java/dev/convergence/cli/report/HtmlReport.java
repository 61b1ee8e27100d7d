package dev.convergence.cli.report;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes the run report: one self-contained HTML file (styles and charts inline, no script, no
 * network), so it opens offline, can be mailed or attached to a ticket, and shows the same thing
 * everywhere.
 *
 * <p>The page comes from a Pebble template with autoescaping on: every string from the data (tenant
 * and service names, tags, error messages) is escaped where it is placed, and only the charts' SVG,
 * which the SVG writer has already escaped, is inserted raw. Charts are drawn on the server by
 * JFreeChart into SVG, from the exact amounts; an amount becomes a floating-point coordinate only
 * inside the drawing.
 */
public final class HtmlReport {

  private final PebbleTemplate template;

  public HtmlReport() {
    ClasspathLoader loader = new ClasspathLoader(HtmlReport.class.getClassLoader());
    loader.setPrefix("report");
    PebbleEngine engine =
        new PebbleEngine.Builder()
            .loader(loader)
            .autoEscaping(true)
            .defaultEscapingStrategy("html")
            .strictVariables(true)
            .newLineTrimming(true)
            .build();
    this.template = engine.getTemplate("report.peb");
  }

  /** The report of {@code data} as an HTML document. */
  public String render(ReportData data) {
    StringWriter out = new StringWriter();
    render(data, out);
    return out.toString();
  }

  /**
   * Writes the report of {@code data} to {@code file} (UTF-8), replacing it whole: the file is
   * written beside it and moved into place, so a reader never sees half a report.
   *
   * @return {@code file}, for the caller to print
   */
  public Path write(ReportData data, Path file) {
    Path target = file.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
      try {
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
          render(data, out);
        }
        Files.move(
            partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + target + ": " + e, e);
    }
    return target;
  }

  private void render(ReportData data, Writer out) {
    try {
      template.evaluate(out, Map.of("report", ReportView.of(data)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
