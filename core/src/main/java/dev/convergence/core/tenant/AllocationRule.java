package dev.convergence.core.tenant;

import dev.convergence.core.config.Require;
import java.io.Serializable;
import java.util.List;

/** Costs whose tag {@code tagKey} has one of {@code tagValues} belong to {@code costCentre}. */
public record AllocationRule(String costCentre, String tagKey, List<String> tagValues)
    implements Serializable {

  public AllocationRule {
    Require.that(costCentre != null && !costCentre.isBlank(), "cost_centre", "is required");
    Require.that(tagKey != null && !tagKey.isBlank(), "tag_key", "is required");
    tagValues = Require.listOrEmpty(tagValues);
    Require.that(!tagValues.isEmpty(), "tag_values", "must list at least one value");
  }
}
