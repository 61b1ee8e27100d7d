package dev.convergence.stages.ingest;

import dev.convergence.core.request.BillingPeriod;

/**
 * Extracts one invoice month of a Google Cloud billing-export table to Parquet files under a
 * staging prefix, so that ingest and the processing job read Google Cloud data exactly as they read
 * files. Extracting again overwrites what an earlier attempt wrote, so a retried ingest is safe.
 */
public interface BillingExportExtractor {

  /**
   * Runs the extract and waits for it.
   *
   * @param targetPrefix the staging key prefix, ending in {@code /}, the Parquet files go under
   * @throws dev.convergence.core.store.ObjectStoreException (or another runtime exception) when
   *     BigQuery cannot be reached: a transient failure
   */
  void extract(BillingExportTable table, BillingPeriod invoiceMonth, String targetPrefix);
}
