package dev.convergence.core.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Enumerated FOCUS columns (ChargeCategory, ChargeFrequency, …) hold only the values the
 * specification allows. Nulls are the mandatory-columns rule's concern and pass here.
 */
public final class AllowedValuesRule implements QualityRule {

  private final Severity severity;
  private final Map<String, List<String>> allowed;
  private final Map<String, Map<String, Long>> violations = new LinkedHashMap<>();

  public AllowedValuesRule(Severity severity, Map<String, List<String>> allowed) {
    this.severity = severity;
    this.allowed = new LinkedHashMap<>(allowed);
  }

  @Override
  public RuleName name() {
    return RuleName.ALLOWED_VALUES;
  }

  @Override
  public void observe(StagedRow row) {
    allowed.forEach(
        (column, values) -> {
          Object value = row.value(column);
          if (value != null && !values.contains(value.toString())) {
            violations
                .computeIfAbsent(column, c -> new TreeMap<>())
                .merge(value.toString(), 1L, Long::sum);
          }
        });
  }

  @Override
  public RuleResult result(RunTotals totals) {
    long count =
        violations.values().stream()
            .flatMap(m -> m.values().stream())
            .mapToLong(Long::longValue)
            .sum();
    if (count == 0) {
      return RuleResult.pass(
          name(),
          severity,
          "0",
          "0",
          "every value of the " + allowed.size() + " enumerated columns is allowed");
    }
    String where =
        violations.entrySet().stream()
            .map(
                e ->
                    e.getKey()
                        + " "
                        + e.getValue().entrySet().stream()
                            .map(v -> "'" + v.getKey() + "' in " + Counts.rows(v.getValue()))
                            .collect(Collectors.joining(", "))
                        + " (allowed: "
                        + String.join(", ", allowed.get(e.getKey()))
                        + ")")
            .collect(Collectors.joining("; "));
    return RuleResult.fail(
        name(), severity, Long.toString(count), "0", count + " values are not allowed: " + where);
  }
}
