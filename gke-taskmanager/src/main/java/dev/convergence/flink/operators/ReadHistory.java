package dev.convergence.flink.operators;

import dev.convergence.core.provider.Provider;
import dev.convergence.flink.anomaly.CostPoint;
import dev.convergence.flink.anomaly.PointOrigin;
import dev.convergence.flink.parquet.FlinkInputFile;
import dev.convergence.focus.source.ParquetTextTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Reads earlier runs' daily aggregates (Parquet with the daily output's column names: this job's
 * {@code daily/} files, or the warehouse's {@code daily_costs} exported) into the anomaly scorer's
 * history points. A path may be one file or a directory of {@code *.parquet} files. Only the
 * columns scoring needs are read; a file without one of them fails the job, naming the file and the
 * column.
 */
public final class ReadHistory extends ProcessFunction<String, CostPoint> {

  private static final long serialVersionUID = 1L;

  static final List<String> NEEDED =
      List.of(
          "charge_day",
          "billing_period_start",
          "provider",
          "billing_account_id",
          "sub_account_id",
          "service_name",
          "charge_category",
          "billing_currency",
          "effective_cost");

  @Override
  public void processElement(String uri, Context ctx, Collector<CostPoint> out) throws IOException {
    for (Path file : files(new Path(uri))) {
      read(file, out);
    }
  }

  private static List<Path> files(Path path) throws IOException {
    FileSystem fs = path.getFileSystem();
    FileStatus status = fs.getFileStatus(path);
    if (!status.isDir()) {
      return List.of(path);
    }
    List<Path> files = new ArrayList<>();
    for (FileStatus child : fs.listStatus(path)) {
      String name = child.getPath().getName();
      if (!child.isDir() && name.endsWith(".parquet") && !name.startsWith(".")) {
        files.add(child.getPath());
      }
    }
    files.sort(java.util.Comparator.comparing(Path::toString));
    return files;
  }

  private static void read(Path file, Collector<CostPoint> out) throws IOException {
    try (ParquetTextTable table = ParquetTextTable.open(FlinkInputFile.of(file), file.toString())) {
      int[] at = new int[NEEDED.size()];
      for (int i = 0; i < at.length; i++) {
        at[i] = table.names().indexOf(NEEDED.get(i));
        if (at[i] < 0) {
          throw new IOException(
              "history file "
                  + file
                  + " has no column "
                  + NEEDED.get(i)
                  + "; a daily aggregates file has "
                  + String.join(", ", NEEDED));
        }
      }
      String[] f;
      while ((f = table.next()) != null) {
        if (!CostPoint.SCORED_CATEGORY.equals(f[at[6]]) || f[at[8]] == null) {
          continue;
        }
        try {
          out.collect(
              new CostPoint(
                  Provider.fromWireName(f[at[2]]),
                  f[at[3]],
                  f[at[4]],
                  f[at[5]],
                  f[at[7]],
                  f[at[1]] == null ? null : Instant.parse(f[at[1]]),
                  LocalDate.parse(f[at[0]]),
                  new BigDecimal(f[at[8]]),
                  PointOrigin.HISTORY));
        } catch (RuntimeException e) {
          throw new IOException(
              "history file " + file + ", row " + table.position() + ": " + e.getMessage(), e);
        }
      }
    }
  }
}
