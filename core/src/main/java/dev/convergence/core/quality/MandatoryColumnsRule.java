package dev.convergence.core.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Columns FOCUS 1.2 never allows to be null (Mandatory and Recommended ones that are not nullable)
 * have a value in every staged row; an empty string counts as no value. A null here means the
 * conversion lost data the publish would hand on as if it were complete.
 */
public final class MandatoryColumnsRule implements QualityRule {

  private final Severity severity;
  private final List<String> columns;
  private final Map<String, Long> nulls = new LinkedHashMap<>();
  private long rows;

  public MandatoryColumnsRule(Severity severity, List<String> columns) {
    this.severity = severity;
    this.columns = List.copyOf(columns);
  }

  @Override
  public RuleName name() {
    return RuleName.MANDATORY_COLUMNS;
  }

  @Override
  public void observe(StagedRow row) {
    rows++;
    for (String column : columns) {
      Object value = row.value(column);
      if (value == null || (value instanceof String text && text.isEmpty())) {
        nulls.merge(column, 1L, Long::sum);
      }
    }
  }

  @Override
  public RuleResult result(RunTotals totals) {
    long missing = nulls.values().stream().mapToLong(Long::longValue).sum();
    if (missing == 0) {
      return RuleResult.pass(
          name(),
          severity,
          "0",
          "0",
          "every one of "
              + Counts.rows(rows)
              + " has a value in all "
              + columns.size()
              + " required columns");
    }
    String where =
        nulls.entrySet().stream()
            .map(e -> e.getKey() + " in " + Counts.rows(e.getValue()))
            .collect(Collectors.joining(", "));
    return RuleResult.fail(
        name(),
        severity,
        Long.toString(missing),
        "0",
        missing + " null values in columns FOCUS 1.2 requires: " + where);
  }
}
