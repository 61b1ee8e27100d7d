package dev.convergence.core.warehouse;

import java.time.Instant;
import java.util.Objects;

/**
 * A count of staged rows by the columns that say whose they are: what a warehouse reads from the
 * staged output before it replaces anything, for {@link StagedSlices#slices}.
 *
 * @param table the table the rows are for
 * @param tenantId the rows' {@code x_tenant_id}, or null where they have none
 * @param provider the rows' provider column
 * @param billingAccountId the rows' billing account column
 * @param billingPeriodStart the rows' billing period start
 */
public record StagedGroup(
    String table,
    String tenantId,
    String provider,
    String billingAccountId,
    Instant billingPeriodStart,
    long rows) {

  public StagedGroup {
    Objects.requireNonNull(table, "table");
  }
}
