package dev.convergence.stages.ingest;

import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.store.ObjectInfo;
import dev.convergence.core.store.ObjectStore;
import java.util.List;

/**
 * Finds a billing period's source objects among everything under a source prefix, the way one
 * provider lays its deliveries out; for providers that deliver month-to-date snapshots, keeps only
 * the newest delivery.
 */
interface SourceSelector {

  /**
   * @param listing every object under {@code prefix}, sorted by key
   * @throws dev.convergence.stages.StageException when nothing, or nothing unambiguous, is there
   */
  SelectedSource select(
      ObjectStore store, String prefix, List<ObjectInfo> listing, BillingPeriod period);
}
