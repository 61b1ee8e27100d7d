package dev.convergence.workflows.expr;

import dev.convergence.workflows.expr.Lexer.Kind;
import dev.convergence.workflows.expr.Lexer.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the Workflows expression language, the text between {@code ${} and {@code }}. Precedence,
 * loosest first: {@code or}; {@code and}; {@code not}; comparisons and {@code in}; {@code + -};
 * {@code * / // %}; unary {@code -}; then member access {@code a.b}, indexing {@code a[i]} and
 * calls {@code text.split(s, "/")}. Only standard-library functions can be called, by their dotted
 * name.
 */
public final class ExpressionParser {

  private final List<Token> tokens;
  private int at;

  private ExpressionParser(String source) {
    this.tokens = Lexer.tokens(source);
  }

  /**
   * Parses {@code source}.
   *
   * @throws ExpressionSyntaxException naming what was expected and where
   */
  public static Expression parse(String source) {
    ExpressionParser parser = new ExpressionParser(source);
    if (parser.peek().kind() == Kind.END) {
      throw new ExpressionSyntaxException("empty expression", 1);
    }
    Expression expression = parser.or();
    Token rest = parser.peek();
    if (rest.kind() != Kind.END) {
      throw new ExpressionSyntaxException("unexpected " + rest.describe(), rest.position());
    }
    return expression;
  }

  private Expression or() {
    Expression left = and();
    while (accept(Kind.KEYWORD, "or")) {
      left = new Expression.Binary("or", left, and());
    }
    return left;
  }

  private Expression and() {
    Expression left = not();
    while (accept(Kind.KEYWORD, "and")) {
      left = new Expression.Binary("and", left, not());
    }
    return left;
  }

  private Expression not() {
    if (accept(Kind.KEYWORD, "not")) {
      return new Expression.Unary("not", not());
    }
    return comparison();
  }

  private Expression comparison() {
    Expression left = additive();
    Token t = peek();
    if ((t.kind() == Kind.SYMBOL && List.of("==", "!=", "<", "<=", ">", ">=").contains(t.text()))
        || t.is(Kind.KEYWORD, "in")) {
      at++;
      Expression right = additive();
      Token after = peek();
      if (after.kind() == Kind.SYMBOL
          && List.of("==", "!=", "<", "<=", ">", ">=").contains(after.text())) {
        throw new ExpressionSyntaxException(
            "comparisons cannot be chained; use 'and'", after.position());
      }
      return new Expression.Binary(t.text(), left, right);
    }
    return left;
  }

  private Expression additive() {
    Expression left = multiplicative();
    while (peek().kind() == Kind.SYMBOL && List.of("+", "-").contains(peek().text())) {
      String operator = tokens.get(at++).text();
      left = new Expression.Binary(operator, left, multiplicative());
    }
    return left;
  }

  private Expression multiplicative() {
    Expression left = unary();
    while (peek().kind() == Kind.SYMBOL && List.of("*", "/", "//", "%").contains(peek().text())) {
      String operator = tokens.get(at++).text();
      left = new Expression.Binary(operator, left, unary());
    }
    return left;
  }

  private Expression unary() {
    if (accept(Kind.SYMBOL, "-")) {
      return new Expression.Unary("-", unary());
    }
    return postfix();
  }

  private Expression postfix() {
    Expression expression = primary();
    while (true) {
      Token t = peek();
      if (accept(Kind.SYMBOL, ".")) {
        Token name = tokens.get(at);
        if (name.kind() != Kind.NAME) {
          throw new ExpressionSyntaxException(
              "expected a name after '.', found " + name.describe(), name.position());
        }
        at++;
        expression = new Expression.Member(expression, name.text());
      } else if (accept(Kind.SYMBOL, "[")) {
        Expression index = or();
        expect("]");
        expression = new Expression.Index(expression, index);
      } else if (accept(Kind.SYMBOL, "(")) {
        String function = dottedName(expression);
        if (function == null) {
          throw new ExpressionSyntaxException(
              "only standard-library functions can be called", t.position());
        }
        expression = new Expression.FunctionCall(function, arguments());
      } else {
        return expression;
      }
    }
  }

  private List<Expression> arguments() {
    List<Expression> arguments = new ArrayList<>();
    if (accept(Kind.SYMBOL, ")")) {
      return arguments;
    }
    do {
      arguments.add(or());
    } while (accept(Kind.SYMBOL, ","));
    expect(")");
    return arguments;
  }

  private static String dottedName(Expression expression) {
    if (expression instanceof Expression.Variable v) {
      return v.name();
    }
    if (expression instanceof Expression.Member m) {
      String target = dottedName(m.target());
      return target == null ? null : target + "." + m.name();
    }
    return null;
  }

  private Expression primary() {
    Token t = tokens.get(at);
    switch (t.kind()) {
      case NUMBER, STRING -> {
        at++;
        return new Expression.Literal(t.value());
      }
      case NAME -> {
        at++;
        return new Expression.Variable(t.text());
      }
      case KEYWORD -> {
        switch (t.text()) {
          case "true" -> {
            at++;
            return new Expression.Literal(Boolean.TRUE);
          }
          case "false" -> {
            at++;
            return new Expression.Literal(Boolean.FALSE);
          }
          case "null" -> {
            at++;
            return new Expression.Literal(null);
          }
          default -> throw unexpected(t);
        }
      }
      case SYMBOL -> {
        if (accept(Kind.SYMBOL, "(")) {
          Expression inner = or();
          expect(")");
          return inner;
        }
        if (accept(Kind.SYMBOL, "[")) {
          return list();
        }
        if (accept(Kind.SYMBOL, "{")) {
          return map();
        }
        throw unexpected(t);
      }
      default -> throw unexpected(t);
    }
  }

  private Expression list() {
    List<Expression> items = new ArrayList<>();
    if (accept(Kind.SYMBOL, "]")) {
      return new Expression.ListLiteral(items);
    }
    do {
      items.add(or());
    } while (accept(Kind.SYMBOL, ","));
    expect("]");
    return new Expression.ListLiteral(items);
  }

  private Expression map() {
    Map<String, Expression> entries = new LinkedHashMap<>();
    if (accept(Kind.SYMBOL, "}")) {
      return new Expression.MapLiteral(entries);
    }
    do {
      Token key = tokens.get(at);
      if (key.kind() != Kind.STRING) {
        throw new ExpressionSyntaxException(
            "expected a string key, found " + key.describe(), key.position());
      }
      at++;
      expect(":");
      if (entries.put((String) key.value(), or()) != null) {
        throw new ExpressionSyntaxException(
            "duplicate key " + key.text() + " in map", key.position());
      }
    } while (accept(Kind.SYMBOL, ","));
    expect("}");
    return new Expression.MapLiteral(entries);
  }

  private ExpressionSyntaxException unexpected(Token t) {
    return new ExpressionSyntaxException("expected a value, found " + t.describe(), t.position());
  }

  private Token peek() {
    return tokens.get(at);
  }

  private boolean accept(Kind kind, String text) {
    if (peek().is(kind, text)) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(String symbol) {
    Token t = peek();
    if (!accept(Kind.SYMBOL, symbol)) {
      throw new ExpressionSyntaxException(
          "expected '" + symbol + "', found " + t.describe(), t.position());
    }
  }
}
