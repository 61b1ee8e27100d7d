package dev.convergence.workflows.expr;

import dev.convergence.workflows.WorkflowError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates parsed expressions with Workflows' semantics: integers are 64-bit and overflow is an
 * error, {@code /} always divides as doubles, {@code //} and {@code %} floor, {@code +} adds
 * numbers or joins strings (never both), {@code and}/{@code or}/{@code not} take booleans only and
 * short-circuit, {@code in} tests a list's elements or a map's keys. Every failure is a {@link
 * WorkflowError} tagged as Workflows tags it ({@code TypeError}, {@code KeyError}, {@code
 * IndexError}, {@code ValueError}, {@code ZeroDivisionError}), so a file's {@code except} sees the
 * same error here as in the cloud.
 */
public final class Evaluator {

  private final StandardLibrary library;

  public Evaluator(StandardLibrary library) {
    this.library = library;
  }

  public Object evaluate(Expression expression, Scope scope) {
    if (expression instanceof Expression.Literal l) {
      return l.value();
    }
    if (expression instanceof Expression.Variable v) {
      if (!scope.has(v.name())) {
        throw WorkflowError.tagged("KeyError", "variable '" + v.name() + "' is not defined");
      }
      return scope.get(v.name());
    }
    if (expression instanceof Expression.Member m) {
      return key(evaluate(m.target(), scope), m.name());
    }
    if (expression instanceof Expression.Index i) {
      return index(evaluate(i.target(), scope), evaluate(i.index(), scope));
    }
    if (expression instanceof Expression.Unary u) {
      return unary(u.operator(), evaluate(u.operand(), scope));
    }
    if (expression instanceof Expression.Binary b) {
      return binary(b, scope);
    }
    if (expression instanceof Expression.FunctionCall f) {
      List<Object> arguments = new ArrayList<>(f.arguments().size());
      f.arguments().forEach(a -> arguments.add(evaluate(a, scope)));
      return library.call(f.function(), arguments);
    }
    if (expression instanceof Expression.ListLiteral l) {
      List<Object> items = new ArrayList<>(l.items().size());
      l.items().forEach(item -> items.add(evaluate(item, scope)));
      return items;
    }
    Expression.MapLiteral m = (Expression.MapLiteral) expression;
    Map<String, Object> entries = new LinkedHashMap<>();
    m.entries().forEach((k, v) -> entries.put(k, evaluate(v, scope)));
    return entries;
  }

  private static Object key(Object target, String name) {
    if (!(target instanceof Map<?, ?> map)) {
      throw WorkflowError.tagged(
          "TypeError", "cannot read key '" + name + "' of " + Values.typeName(target));
    }
    if (!map.containsKey(name)) {
      throw WorkflowError.tagged("KeyError", "key not found: " + name);
    }
    return map.get(name);
  }

  private static Object index(Object target, Object index) {
    if (target instanceof Map<?, ?>) {
      if (!(index instanceof String name)) {
        throw WorkflowError.tagged(
            "TypeError", "a map is indexed by a string, not by " + Values.typeName(index));
      }
      return key(target, name);
    }
    if (target instanceof List<?> list) {
      if (!(index instanceof Long position)) {
        throw WorkflowError.tagged(
            "TypeError", "a list is indexed by an integer, not by " + Values.typeName(index));
      }
      if (position < 0 || position >= list.size()) {
        throw WorkflowError.tagged(
            "IndexError", "list index " + position + " out of range for a list of " + list.size());
      }
      return list.get(position.intValue());
    }
    throw WorkflowError.tagged("TypeError", "cannot index " + Values.typeName(target));
  }

  private static Object unary(String operator, Object operand) {
    if (operator.equals("not")) {
      return !bool("not", operand);
    }
    if (operand instanceof Long l) {
      if (l == Long.MIN_VALUE) {
        throw WorkflowError.tagged("ValueError", "integer overflow in unary '-'");
      }
      return -l;
    }
    if (operand instanceof Double d) {
      return -d;
    }
    throw WorkflowError.tagged(
        "TypeError", "unary '-' needs a number, not " + Values.typeName(operand));
  }

  private Object binary(Expression.Binary b, Scope scope) {
    String operator = b.operator();
    if (operator.equals("and")) {
      return bool("and", evaluate(b.left(), scope)) && bool("and", evaluate(b.right(), scope));
    }
    if (operator.equals("or")) {
      return bool("or", evaluate(b.left(), scope)) || bool("or", evaluate(b.right(), scope));
    }
    Object left = evaluate(b.left(), scope);
    Object right = evaluate(b.right(), scope);
    return switch (operator) {
      case "==" -> Values.equal(left, right);
      case "!=" -> !Values.equal(left, right);
      case "<", "<=", ">", ">=" -> compare(operator, left, right);
      case "in" -> contains(left, right);
      case "+" -> plus(left, right);
      default -> arithmetic(operator, left, right);
    };
  }

  private static boolean bool(String operator, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw WorkflowError.tagged(
        "TypeError", "'" + operator + "' needs booleans, not " + Values.typeName(value));
  }

  private static boolean compare(String operator, Object left, Object right) {
    int order;
    if (left instanceof Number x && right instanceof Number y) {
      order =
          left instanceof Long && right instanceof Long
              ? Long.compare(x.longValue(), y.longValue())
              : Double.compare(x.doubleValue(), y.doubleValue());
    } else if (left instanceof String x && right instanceof String y) {
      order = x.compareTo(y);
    } else {
      throw operands(operator, left, right);
    }
    return switch (operator) {
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      default -> order >= 0;
    };
  }

  private static boolean contains(Object element, Object container) {
    if (container instanceof List<?> list) {
      return list.stream().anyMatch(item -> Values.equal(item, element));
    }
    if (container instanceof Map<?, ?> map) {
      if (!(element instanceof String key)) {
        throw WorkflowError.tagged(
            "TypeError", "map keys are strings; 'in' got " + Values.typeName(element));
      }
      return map.containsKey(key);
    }
    throw WorkflowError.tagged(
        "TypeError", "'in' needs a list or a map on its right, not " + Values.typeName(container));
  }

  private static Object plus(Object left, Object right) {
    if (left instanceof String x && right instanceof String y) {
      return x + y;
    }
    return arithmetic("+", left, right);
  }

  private static Object arithmetic(String operator, Object left, Object right) {
    if (!(left instanceof Number) || !(right instanceof Number)) {
      throw operands(operator, left, right);
    }
    if (left instanceof Long x && right instanceof Long y) {
      try {
        return switch (operator) {
          case "+" -> Math.addExact(x, y);
          case "-" -> Math.subtractExact(x, y);
          case "*" -> Math.multiplyExact(x, y);
          case "/" -> divide(x.doubleValue(), y.doubleValue());
          case "//" -> Math.floorDiv(x, nonZero(y));
          default -> Math.floorMod(x, nonZero(y));
        };
      } catch (ArithmeticException e) {
        throw WorkflowError.tagged("ValueError", "integer overflow in " + operator);
      }
    }
    double x = ((Number) left).doubleValue();
    double y = ((Number) right).doubleValue();
    return switch (operator) {
      case "+" -> x + y;
      case "-" -> x - y;
      case "*" -> x * y;
      case "/" -> divide(x, y);
      case "//" -> Math.floor(divide(x, y));
      default -> x - y * Math.floor(divide(x, y));
    };
  }

  private static double divide(double x, double y) {
    if (y == 0) {
      throw WorkflowError.tagged("ZeroDivisionError", "division by zero");
    }
    return x / y;
  }

  private static long nonZero(long y) {
    if (y == 0) {
      throw WorkflowError.tagged("ZeroDivisionError", "division by zero");
    }
    return y;
  }

  private static WorkflowError operands(String operator, Object left, Object right) {
    return WorkflowError.tagged(
        "TypeError",
        "unsupported operand types for "
            + operator
            + ": "
            + Values.typeName(left)
            + " and "
            + Values.typeName(right));
  }
}
