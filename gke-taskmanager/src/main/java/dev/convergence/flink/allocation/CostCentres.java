package dev.convergence.flink.allocation;

import dev.convergence.core.tenant.AllocationRule;
import dev.convergence.core.tenant.CostAllocation;
import dev.convergence.focus.FocusRow;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * A tenant's allocation rules applied to one FOCUS row: the cost centre the row belongs to
 * directly, or null when its cost is to be shared. A row is shared when its ChargeCategory or
 * ServiceName is one the tenant always shares (tax, a support plan), or when no rule matches its
 * tags; otherwise the first rule, in the tenant's order, whose tag key has one of the rule's values
 * wins. Tag keys and values match exactly, case included, as providers deliver them.
 */
public final class CostCentres implements Serializable {

  private static final long serialVersionUID = 1L;

  private final CostAllocation allocation;

  public CostCentres(CostAllocation allocation) {
    this.allocation = Objects.requireNonNull(allocation, "allocation");
  }

  /** The row's direct cost centre, or null when its cost is shared. */
  public String directCentre(FocusRow row) {
    if (allocation.sharedChargeCategories().contains(row.chargeCategory())
        || allocation.sharedServices().contains(row.serviceName())) {
      return null;
    }
    Map<String, String> tags = row.tags();
    if (tags == null || tags.isEmpty()) {
      return null;
    }
    for (AllocationRule rule : allocation.rules()) {
      String value = tags.get(rule.tagKey());
      if (value != null && rule.tagValues().contains(value)) {
        return rule.costCentre();
      }
    }
    return null;
  }
}
