package dev.convergence.stages.check;

import dev.convergence.core.quality.FocusColumnRules;
import dev.convergence.focus.ColumnSpec;
import dev.convergence.focus.FocusSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The column rules of FOCUS 1.2 as the check applies them, taken from the focus module's copy of
 * the specification: a column is required when the specification never allows it to be null and it
 * is not Conditional (a Conditional column is required only where the provider has its concept,
 * which the data cannot tell), as the converter's own conformance check holds rows to.
 */
final class FocusRequirements {

  private FocusRequirements() {}

  static FocusColumnRules v1_2() {
    List<String> required = new ArrayList<>();
    Map<String, List<String>> allowed = new LinkedHashMap<>();
    for (ColumnSpec spec : FocusSchema.v1_2().columns()) {
      if (!spec.nullable() && spec.level() != ColumnSpec.Level.CONDITIONAL) {
        required.add(spec.name());
      }
      if (spec.enumerated()) {
        allowed.put(spec.name(), spec.allowedValues());
      }
    }
    return new FocusColumnRules(required, allowed);
  }
}
