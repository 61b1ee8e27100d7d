package dev.convergence.core.tenant;

import dev.convergence.core.config.Require;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * How a tenant's costs are allocated to cost centres. Rules are tried in order; the first that
 * matches a row's tags wins. Costs no rule matches, and shared charges, are split across cost
 * centres in proportion to their direct cost.
 *
 * @param sharedChargeCategories FOCUS ChargeCategory values always split, for example {@code Tax}
 * @param sharedServices FOCUS ServiceName values always split, for example a support plan
 */
public record CostAllocation(
    List<AllocationRule> rules, List<String> sharedChargeCategories, List<String> sharedServices)
    implements Serializable {

  public static final CostAllocation NONE = new CostAllocation(List.of(), List.of(), List.of());

  private static final Set<String> CHARGE_CATEGORIES =
      Set.of("Usage", "Purchase", "Tax", "Credit", "Adjustment");

  public CostAllocation {
    rules = Require.listOrEmpty(rules);
    sharedChargeCategories = Require.listOrEmpty(sharedChargeCategories);
    sharedServices = Require.listOrEmpty(sharedServices);
    for (String category : sharedChargeCategories) {
      Require.that(
          CHARGE_CATEGORIES.contains(category),
          "shared_charge_categories",
          "'"
              + category
              + "' is not a FOCUS ChargeCategory; expected one of Adjustment, Credit, Purchase,"
              + " Tax, Usage");
    }
  }
}
