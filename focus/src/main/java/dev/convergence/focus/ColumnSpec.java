package dev.convergence.focus;

import java.util.List;
import java.util.Objects;

/**
 * What the FOCUS 1.2 specification says about one column: its kind (Metric or Dimension), level
 * (Mandatory, Recommended, Conditional), whether it may be null, its data type and format, and its
 * allowed values when it is enumerated (empty otherwise).
 */
public record ColumnSpec(
    String name,
    String kind,
    Level level,
    boolean nullable,
    String type,
    String format,
    List<String> allowedValues) {

  /** The specification's column levels. */
  public enum Level {
    MANDATORY,
    RECOMMENDED,
    CONDITIONAL
  }

  public ColumnSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(format, "format");
    allowedValues = List.copyOf(allowedValues);
  }

  public boolean enumerated() {
    return !allowedValues.isEmpty();
  }
}
