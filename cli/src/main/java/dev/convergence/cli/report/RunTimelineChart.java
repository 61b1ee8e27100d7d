package dev.convergence.cli.report;

import dev.convergence.core.warehouse.StepLog;
import dev.convergence.core.warehouse.StepState;
import java.awt.Color;
import java.awt.Paint;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.GanttRenderer;
import org.jfree.data.gantt.Task;
import org.jfree.data.gantt.TaskSeries;
import org.jfree.data.gantt.TaskSeriesCollection;

/**
 * A Gantt chart of the tenant's runs: one row per run, one bar per step, on a clock that starts at
 * each run's own start, so runs days apart still compare step by step. A step tried more than once
 * spans its attempts and is red when one of them failed, a step still running is drawn up to the
 * report's time.
 */
final class RunTimelineChart {

  /** The workflow's steps in the order they run; other step names follow in order of appearance. */
  static final List<String> STEP_ORDER =
      List.of("admit", "ingest", "process", "check", "publish", "finalize");

  private static final Color[] STEP_COLOURS = {
    new Color(0x94A3B8),
    new Color(0x60A5FA),
    new Color(0x2563EB),
    new Color(0x14B8A6),
    new Color(0x22C55E),
    new Color(0xA78BFA),
    new Color(0xF9A8D4)
  };

  private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);

  private RunTimelineChart() {}

  static SvgChart draw(List<RunReport> runs, Instant now, String id) {
    Map<String, TaskSeries> byStep = new LinkedHashMap<>();
    STEP_ORDER.forEach(step -> byStep.put(step, null));
    Set<String> failed = new HashSet<>();
    long longest = 1000;
    List<String> labels = new ArrayList<>();
    for (RunReport run : runs) {
      String label = label(run);
      if (labels.contains(label)) {
        label = label + " (" + (labels.size() + 1) + ")";
      }
      labels.add(label);
      Instant origin = run.run().startedAt();
      Map<String, List<StepLog>> attempts = new LinkedHashMap<>();
      for (StepLog step : run.steps()) {
        attempts.computeIfAbsent(step.step(), s -> new ArrayList<>()).add(step);
        if (step.state() == StepState.FAILED) {
          failed.add(step.step() + "\u0000" + label);
        }
      }
      for (Map.Entry<String, List<StepLog>> e : attempts.entrySet()) {
        TaskSeries series = byStep.get(e.getKey());
        if (series == null) {
          series = new TaskSeries(e.getKey());
          byStep.put(e.getKey(), series);
        }
        Task task = null;
        for (StepLog attempt : e.getValue()) {
          long start = Math.max(0, Duration.between(origin, attempt.startedAt()).toMillis());
          Instant finished = attempt.finishedAt() == null ? now : attempt.finishedAt();
          long end = Math.max(start + 1, Duration.between(origin, finished).toMillis());
          longest = Math.max(longest, end);
          Task piece = new Task(label, new Date(start), new Date(end));
          if (task == null) {
            task = piece;
          } else {
            long first = Math.min(task.getDuration().getStart().getTime(), start);
            long last = Math.max(task.getDuration().getEnd().getTime(), end);
            Task spanning = new Task(label, new Date(first), new Date(last));
            if (task.getSubtaskCount() == 0) {
              spanning.addSubtask(task);
            } else {
              for (int i = 0; i < task.getSubtaskCount(); i++) {
                spanning.addSubtask(task.getSubtask(i));
              }
            }
            spanning.addSubtask(piece);
            task = spanning;
          }
        }
        series.add(task);
      }
    }

    TaskSeriesCollection dataset = new TaskSeriesCollection();
    List<String> steps = new ArrayList<>();
    for (Map.Entry<String, TaskSeries> e : byStep.entrySet()) {
      if (e.getValue() != null) {
        dataset.add(e.getValue());
        steps.add(e.getKey());
      }
    }
    JFreeChart chart =
        ChartFactory.createGanttChart(
            null, null, "Time since the run started", dataset, true, false, false);
    ChartStyle.apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setDomainGridlinesVisible(false);
    plot.getDomainAxis().setCategoryMargin(0.25);
    plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.35f);
    DateAxis clock = (DateAxis) plot.getRangeAxis();
    clock.setTimeZone(UTC);
    java.text.SimpleDateFormat format =
        new java.text.SimpleDateFormat(longest >= 3_600_000 ? "H:mm:ss" : "m:ss");
    format.setTimeZone(UTC);
    clock.setDateFormatOverride(format);
    clock.setLowerBound(0);
    clock.setUpperMargin(0.02);

    GanttRenderer renderer =
        new GanttRenderer() {
          @Override
          public Paint getItemPaint(int row, int column) {
            String key = steps.get(row) + "\u0000" + labels.get(column);
            return failed.contains(key) ? ChartStyle.DANGER : super.getItemPaint(row, column);
          }
        };
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    renderer.setItemMargin(0.0);
    for (int i = 0; i < steps.size(); i++) {
      int known = STEP_ORDER.indexOf(steps.get(i));
      renderer.setSeriesPaint(i, STEP_COLOURS[known >= 0 ? known : STEP_COLOURS.length - 1]);
    }
    plot.setRenderer(renderer);
    int height = Math.max(200, 120 + 46 * runs.size());
    String label =
        "Gantt chart of "
            + runs.size()
            + " run(s), one row per run and one bar per step ("
            + String.join(", ", steps)
            + "), measured from each run's start; steps with a failed attempt in red";
    return SvgChart.draw(chart, id, 960, height, label);
  }

  /** A run as its timeline row names it: pipeline, period and the run id's distinctive end. */
  static String label(RunReport run) {
    String id = run.run().runId();
    String period = run.run().billingPeriod().toString();
    String tail = id.startsWith(period + "-") ? id.substring(period.length() + 1) : id;
    if (tail.length() > 8) {
      tail = tail.substring(0, 8);
    }
    return run.run().pipeline() + " " + period + " · " + tail;
  }
}
