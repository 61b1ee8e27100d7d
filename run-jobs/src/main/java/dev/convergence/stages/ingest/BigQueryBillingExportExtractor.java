package dev.convergence.stages.ingest;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.QueryJobConfiguration;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.store.ObjectStoreException;
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
      throw new ObjectStoreException("the extract of " + table + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ObjectStoreException("interrupted while extracting " + table, e);
    }
  }
}
