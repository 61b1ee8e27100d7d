package dev.convergence.workflows.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits an expression into tokens; the parser reads them. */
final class Lexer {

  enum Kind {
    NUMBER,
    STRING,
    NAME,
    KEYWORD,
    SYMBOL,
    END
  }

  /** One token; {@code position} is 1-based. Numbers carry a Long or a Double as {@code value}. */
  record Token(Kind kind, String text, Object value, int position) {
    boolean is(Kind k, String t) {
      return kind == k && text.equals(t);
    }

    String describe() {
      return kind == Kind.END ? "end of expression" : "'" + text + "'";
    }
  }

  static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "true", "false", "null");
  private static final List<String> SYMBOLS =
      List.of(
          "//", "==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "%", "(", ")", "[", "]", "{",
          "}", ",", ":", ".");

  private final String source;
  private int at;

  private Lexer(String source) {
    this.source = source;
  }

  static List<Token> tokens(String source) {
    return new Lexer(source).all();
  }

  private List<Token> all() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipSpace();
      if (at >= source.length()) {
        tokens.add(new Token(Kind.END, "", null, at + 1));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private void skipSpace() {
    while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
      at++;
    }
  }

  private Token next() {
    int start = at;
    char c = source.charAt(at);
    if (Character.isDigit(c)) {
      return number(start);
    }
    if (c == '"' || c == '\'') {
      return string(start, c);
    }
    if (Character.isLetter(c) || c == '_') {
      while (at < source.length()
          && (Character.isLetterOrDigit(source.charAt(at)) || source.charAt(at) == '_')) {
        at++;
      }
      String word = source.substring(start, at);
      return new Token(KEYWORDS.contains(word) ? Kind.KEYWORD : Kind.NAME, word, null, start + 1);
    }
    for (String symbol : SYMBOLS) {
      if (source.startsWith(symbol, at)) {
        at += symbol.length();
        return new Token(Kind.SYMBOL, symbol, null, start + 1);
      }
    }
    throw new ExpressionSyntaxException("unexpected character '" + c + "'", start + 1);
  }

  private Token number(int start) {
    boolean decimal = false;
    while (at < source.length() && Character.isDigit(source.charAt(at))) {
      at++;
    }
    if (at + 1 < source.length()
        && source.charAt(at) == '.'
        && Character.isDigit(source.charAt(at + 1))) {
      decimal = true;
      at++;
      while (at < source.length() && Character.isDigit(source.charAt(at))) {
        at++;
      }
    }
    if (at < source.length() && (source.charAt(at) == 'e' || source.charAt(at) == 'E')) {
      int mark = at;
      at++;
      if (at < source.length() && (source.charAt(at) == '+' || source.charAt(at) == '-')) {
        at++;
      }
      if (at < source.length() && Character.isDigit(source.charAt(at))) {
        decimal = true;
        while (at < source.length() && Character.isDigit(source.charAt(at))) {
          at++;
        }
      } else {
        at = mark;
      }
    }
    String text = source.substring(start, at);
    if (decimal) {
      return new Token(Kind.NUMBER, text, Double.parseDouble(text), start + 1);
    }
    try {
      return new Token(Kind.NUMBER, text, Long.parseLong(text), start + 1);
    } catch (NumberFormatException e) {
      throw new ExpressionSyntaxException(
          "integer " + text + " is out of the 64-bit range", start + 1);
    }
  }

  private Token string(int start, char quote) {
    StringBuilder value = new StringBuilder();
    at++;
    while (at < source.length()) {
      char c = source.charAt(at++);
      if (c == quote) {
        return new Token(Kind.STRING, source.substring(start, at), value.toString(), start + 1);
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      if (at >= source.length()) {
        break;
      }
      char escaped = source.charAt(at++);
      switch (escaped) {
        case 'n' -> value.append('\n');
        case 't' -> value.append('\t');
        case 'r' -> value.append('\r');
        case '\\', '"', '\'' -> value.append(escaped);
        case 'u' -> {
          if (at + 4 > source.length()) {
            throw new ExpressionSyntaxException("incomplete \\u escape", at - 1);
          }
          try {
            value.append((char) Integer.parseInt(source.substring(at, at + 4), 16));
          } catch (NumberFormatException e) {
            throw new ExpressionSyntaxException("bad \\u escape", at - 1);
          }
          at += 4;
        }
        default ->
            throw new ExpressionSyntaxException("unknown escape '\\" + escaped + "'", at - 1);
      }
    }
    throw new ExpressionSyntaxException("unterminated string", start + 1);
  }
}
