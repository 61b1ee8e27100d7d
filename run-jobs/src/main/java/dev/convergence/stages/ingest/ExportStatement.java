package dev.convergence.stages.ingest;

import dev.convergence.core.request.BillingPeriod;
import java.util.regex.Pattern;

/**
 * The BigQuery statement that extracts one invoice month of a billing-export table to Parquet.
 * Every column is kept ({@code SELECT *}): the records and repeated fields (credits, labels, tags)
 * survive in Parquet, and the FOCUS reader needs them. The month is the invoice month, the one the
 * bill is issued for, not the usage time: late rows of an earlier month's usage count in the month
 * they are invoiced in.
 */
public final class ExportStatement {

  private static final Pattern URI = Pattern.compile("gs://[a-z0-9][a-z0-9._-]{1,220}/[^'\\\\*]*/");

  private ExportStatement() {}

  /**
   * @param destination the {@code gs://bucket/prefix/} the Parquet files go under
   */
  public static String build(BillingExportTable table, BillingPeriod month, String destination) {
    if (destination == null || !URI.matcher(destination).matches()) {
      throw new IllegalArgumentException(
          "destination: must be gs://BUCKET/PREFIX/ without quotes or wildcards; got '"
              + destination
              + "'");
    }
    return "EXPORT DATA OPTIONS(uri='"
        + destination
        + "*.parquet', format='PARQUET', overwrite=true) AS\n"
        + "SELECT * FROM "
        + table.sql()
        + "\nWHERE invoice.month = '"
        + month.toString().replace("-", "")
        + "'";
  }
}
