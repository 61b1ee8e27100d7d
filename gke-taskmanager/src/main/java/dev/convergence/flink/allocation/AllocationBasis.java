package dev.convergence.flink.allocation;

import dev.convergence.core.config.WireName;

/** How a daily aggregate's cost came to its cost centre, as the {@code allocation} column says. */
public enum AllocationBasis implements WireName {
  /** A tenant's rule matched the rows' tags. */
  RULE("rule"),
  /** Unmatched or shared cost, split across cost centres in proportion to their direct cost. */
  PROPORTIONAL("proportional"),
  /** Unmatched or shared cost that had no direct cost to be split by: cost centre left null. */
  UNALLOCATED("unallocated");

  private final String wireName;

  AllocationBasis(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static AllocationBasis fromWireName(String name) {
    return WireName.parse(AllocationBasis.class, name, "allocation");
  }
}
