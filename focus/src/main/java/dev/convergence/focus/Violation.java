package dev.convergence.focus;

import java.util.Objects;

/** One broken FOCUS rule on one row: the column at fault and what is wrong with it. */
public record Violation(String column, String problem) {

  public Violation {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(problem, "problem");
  }

  @Override
  public String toString() {
    return column + ": " + problem;
  }
}
