package dev.convergence.stages.ingest;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.QueryJobConfiguration;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.store.ObjectStoreException;
import dev.convergence.stages.StageError;
import dev.convergence.stages.StageException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs the {@link ExportStatement} as a BigQuery query job and waits for it: BigQuery writes the
 * Parquet files straight into the staging bucket. A failure to reach BigQuery is reported as a
 * transient failure, so the job is retried.
 */
public final class BigQueryBillingExportExtractor implements BillingExportExtractor {

  private final Supplier<BigQuery> bigQuery;
  private final String bucket;

  public BigQueryBillingExportExtractor(Supplier<BigQuery> bigQuery, String bucket) {
    this.bigQuery = bigQuery;
    this.bucket = bucket;
  }

  @Override
  public void extract(BillingExportTable table, BillingPeriod invoiceMonth, String targetPrefix) {
    String statement =
        ExportStatement.build(table, invoiceMonth, "gs://" + bucket + "/" + targetPrefix);
    try {
      bigQuery.get().query(QueryJobConfiguration.newBuilder(statement).build());
    } catch (BigQueryException e) {
      String message = "the extract of " + table + " failed: " + e.getMessage();
      if (permanent(e)) {
        throw new StageException(StageError.EXPORT_REFUSED, message, e);
      }
      throw new ObjectStoreException(message, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ObjectStoreException("interrupted while extracting " + table, e);
    }
  }

  /**
   * Whether retrying cannot help: a missing table, denied access or an invalid query, or any other
   * 4xx but a rate limit. Quota, rate limits, 5xx and failures without a status are transient.
   */
  static boolean permanent(BigQueryException e) {
    String reason = e.getReason();
    if (Set.of("notFound", "accessDenied", "invalid", "invalidQuery").contains(reason)) {
      return true;
    }
    if (Set.of("rateLimitExceeded", "quotaExceeded", "backendError").contains(reason)) {
      return false;
    }
    return e.getCode() >= 400 && e.getCode() < 500 && e.getCode() != 429;
  }
}
