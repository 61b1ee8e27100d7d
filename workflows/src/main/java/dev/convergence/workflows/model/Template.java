package dev.convergence.workflows.model;

import dev.convergence.workflows.expr.Expression;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value as written in the file: a constant, an {@code ${...}} expression, or a map or list that
 * may hold expressions anywhere inside (the {@code args} of a call, the value of an {@code assign},
 * a {@code return}). The executor evaluates it into a fresh value each time the step runs.
 */
public sealed interface Template {

  /** A YAML scalar that is not an expression: a string, number, boolean or null. */
  record Constant(Object value) implements Template {}

  /** {@code ${...}}; {@code source} is the text between the braces, for messages. */
  record Expr(String source, Expression expression) implements Template {}

  /** A map whose values are templates, in written order. */
  record MapOf(Map<String, Template> entries) implements Template {
    public MapOf {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
  }

  /** A list of templates. */
  record ListOf(List<Template> items) implements Template {
    public ListOf {
      items = List.copyOf(items);
    }
  }
}
