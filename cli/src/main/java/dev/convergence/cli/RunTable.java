package dev.convergence.cli;

import dev.convergence.core.warehouse.PipelineRun;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Prints runs as a table a person reads at a glance: one line per run. */
final class RunTable {

  private static final String FORMAT = "%-10s %-12s %-8s %-10s %10s %16s %8s %-8s %9s %9s%n";

  private RunTable() {}

  static void print(PrintWriter out, List<PipelineRun> runs) {
    out.printf(
        Locale.ROOT,
        FORMAT,
        "tenant",
        "pipeline",
        "period",
        "state",
        "rows",
        "BilledCost",
        "rejects",
        "DQ",
        "anomalies",
        "duration");
    for (PipelineRun run : runs) {
      out.printf(
          Locale.ROOT,
          FORMAT,
          run.tenantId(),
          run.pipeline(),
          run.billingPeriod(),
          run.state(),
          run.focusRows() == null ? "-" : String.format(Locale.ROOT, "%,d", run.focusRows()),
          run.billedCost() == null ? "-" : money(run.billedCost()),
          run.rejectedRows() == null ? "-" : String.format(Locale.ROOT, "%,d", run.rejectedRows()),
          run.dqOutcome() == null ? "-" : run.dqOutcome().toString().toLowerCase(Locale.ROOT),
          run.anomalies() == null ? "-" : run.anomalies().toString(),
          run.finishedAt() == null
              ? "-"
              : duration(Duration.between(run.startedAt(), run.finishedAt())));
    }
    out.flush();
  }

  static String money(BigDecimal amount) {
    return String.format(Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_EVEN));
  }

  private static String duration(Duration d) {
    return String.format(Locale.ROOT, "%d.%01ds", d.toSeconds(), d.toMillisPart() / 100);
  }
}
