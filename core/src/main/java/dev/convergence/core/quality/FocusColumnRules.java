package dev.convergence.core.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the specification says about the staged columns, as the column rules need it: the columns
 * that may never be null and the enumerated columns' allowed values, in specification order. The
 * check stage builds it from the FOCUS schema, so core carries no copy of the specification.
 */
public record FocusColumnRules(List<String> required, Map<String, List<String>> allowedValues) {

  public FocusColumnRules {
    required = List.copyOf(Objects.requireNonNull(required, "required"));
    Map<String, List<String>> copy = new LinkedHashMap<>();
    Objects.requireNonNull(allowedValues, "allowedValues")
        .forEach((column, values) -> copy.put(column, List.copyOf(values)));
    allowedValues = java.util.Collections.unmodifiableMap(copy);
  }
}
