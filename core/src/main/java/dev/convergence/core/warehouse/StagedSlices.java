package dev.convergence.core.warehouse;

import dev.convergence.core.warehouse.WarehouseException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Decides which slices a publication replaces, from the staged rows themselves, and refuses staged
 * output that is not wholly the publication's: a row of another tenant, provider or billing period,
 * or without a billing account, would otherwise land in (or wipe) a slice the run does not cover.
 * Both warehouses run this same check on the counts they read from the staged data.
 */
public final class StagedSlices {

  private StagedSlices() {}

  /**
   * The billing accounts of the staged {@code focus_costs} rows, sorted: the slices to replace.
   *
   * @throws WarehouseException ({@link Reason#STAGED_DATA_MISMATCH}) naming the first group that
   *     does not belong, with its row count
   */
  public static List<Slice> slices(Publication publication, List<StagedGroup> groups) {
    TreeSet<String> accounts = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    for (StagedGroup group : groups) {
      if (group.table().equals(WarehouseTables.FOCUS_COSTS.name())
          && group.billingAccountId() != null) {
        accounts.add(group.billingAccountId());
      }
    }
    for (StagedGroup group : groups) {
      String where = group.rows() + " staged " + group.table() + " row(s)";
      if (group.tenantId() != null && !group.tenantId().equals(publication.tenantId())) {
        problems.add(
            where
                + " have tenant '"
                + group.tenantId()
                + "', not '"
                + publication.tenantId()
                + "'");
      }
      if (!publication.provider().wireName().equals(group.provider())) {
        problems.add(
            where
                + " have provider "
                + quoted(group.provider())
                + ", not '"
                + publication.provider().wireName()
                + "'");
      }
      if (!Objects.equals(publication.billingPeriodStart(), group.billingPeriodStart())) {
        problems.add(
            where
                + " have billing period start "
                + group.billingPeriodStart()
                + ", not "
                + publication.billingPeriodStart());
      }
      if (group.billingAccountId() == null) {
        problems.add(where + " have no billing account");
      } else if (!accounts.contains(group.billingAccountId())) {
        problems.add(
            where
                + " are for billing account '"
                + group.billingAccountId()
                + "', which has no staged focus_costs rows");
      }
    }
    if (!problems.isEmpty()) {
      throw new WarehouseException(
          Reason.STAGED_DATA_MISMATCH,
          "run "
              + publication.runId()
              + " cannot publish "
              + publication.tenantId()
              + "/"
              + publication.provider()
              + "/"
              + publication.billingPeriod()
              + ": "
              + String.join("; ", problems));
    }
    return accounts.stream()
        .map(
            account ->
                new Slice(
                    publication.tenantId(),
                    publication.provider(),
                    account,
                    publication.billingPeriod()))
        .toList();
  }

  private static String quoted(String value) {
    return value == null ? "null" : "'" + value + "'";
  }
}
