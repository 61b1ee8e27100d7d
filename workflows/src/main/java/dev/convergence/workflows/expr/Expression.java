package dev.convergence.workflows.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed {@code ${...}} expression. Parsing once, when the file is loaded, lets the loader reject
 * a syntax error or an unsupported function before any step runs, naming the step it is in.
 */
public sealed interface Expression {

  /** A constant: a string, an integer ({@link Long}), a double, a boolean or null. */
  record Literal(Object value) implements Expression {}

  /** A variable of the running subworkflow. */
  record Variable(String name) implements Expression {
    public Variable {
      Objects.requireNonNull(name, "name");
    }
  }

  /** {@code target.name}: a map's key. */
  record Member(Expression target, String name) implements Expression {}

  /** {@code target[index]}: a list's element or a map's key. */
  record Index(Expression target, Expression index) implements Expression {}

  /** {@code -operand} or {@code not operand}. */
  record Unary(String operator, Expression operand) implements Expression {}

  /** An arithmetic, comparison, membership or logical operator. */
  record Binary(String operator, Expression left, Expression right) implements Expression {}

  /** A standard-library function such as {@code map.get(m, "k")}, named with its module. */
  record FunctionCall(String function, List<Expression> arguments) implements Expression {
    public FunctionCall {
      arguments = List.copyOf(arguments);
    }
  }

  /** {@code [a, b]}. */
  record ListLiteral(List<Expression> items) implements Expression {
    public ListLiteral {
      items = List.copyOf(items);
    }
  }

  /** {@code {"key": value}}; keys are strings, in their written order. */
  record MapLiteral(Map<String, Expression> entries) implements Expression {
    public MapLiteral {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
  }

  /** The functions this expression calls, sorted, for the loader's support check. */
  default Set<String> functions() {
    Set<String> found = new TreeSet<>();
    collectFunctions(this, found);
    return found;
  }

  private static void collectFunctions(Expression expression, Set<String> found) {
    if (expression instanceof Member m) {
      collectFunctions(m.target(), found);
    } else if (expression instanceof Index i) {
      collectFunctions(i.target(), found);
      collectFunctions(i.index(), found);
    } else if (expression instanceof Unary u) {
      collectFunctions(u.operand(), found);
    } else if (expression instanceof Binary b) {
      collectFunctions(b.left(), found);
      collectFunctions(b.right(), found);
    } else if (expression instanceof FunctionCall f) {
      found.add(f.function());
      f.arguments().forEach(a -> collectFunctions(a, found));
    } else if (expression instanceof ListLiteral l) {
      l.items().forEach(item -> collectFunctions(item, found));
    } else if (expression instanceof MapLiteral m) {
      m.entries().values().forEach(v -> collectFunctions(v, found));
    }
  }
}
