package dev.convergence.workflows.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.workflows.expr.Expression.Binary;
import dev.convergence.workflows.expr.Expression.FunctionCall;
import dev.convergence.workflows.expr.Expression.Index;
import dev.convergence.workflows.expr.Expression.Literal;
import dev.convergence.workflows.expr.Expression.Member;
import dev.convergence.workflows.expr.Expression.Unary;
import dev.convergence.workflows.expr.Expression.Variable;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExpressionParserTest {

  @Test
  void multiplicationBindsTighterThanAdditionAndComparison() {
    assertThat(ExpressionParser.parse("1 + 2 * 3 == 7"))
        .isEqualTo(
            new Binary(
                "==",
                new Binary("+", new Literal(1L), new Binary("*", new Literal(2L), new Literal(3L))),
                new Literal(7L)));
  }

  @Test
  void notIsLooserThanComparisonAndAndIsTighterThanOr() {
    assertThat(ExpressionParser.parse("not a == b or c and d"))
        .isEqualTo(
            new Binary(
                "or",
                new Unary("not", new Binary("==", new Variable("a"), new Variable("b"))),
                new Binary("and", new Variable("c"), new Variable("d"))));
  }

  @Test
  void dottedNamesFollowedByParenthesesAreFunctionCalls() {
    assertThat(ExpressionParser.parse("map.get(e, \"code\")"))
        .isEqualTo(new FunctionCall("map.get", List.of(new Variable("e"), new Literal("code"))));
    assertThat(ExpressionParser.parse("sys.now()"))
        .isEqualTo(new FunctionCall("sys.now", List.of()));
  }

  @Test
  void membersAndIndexesChainFromTheLeft() {
    assertThat(ExpressionParser.parse("a.b[\"c\"][0]"))
        .isEqualTo(
            new Index(
                new Index(new Member(new Variable("a"), "b"), new Literal("c")), new Literal(0L)));
  }

  @Test
  void literalsOfEveryKind() {
    assertThat(ExpressionParser.parse("1.5e2")).isEqualTo(new Literal(150.0));
    assertThat(ExpressionParser.parse("'it\\'s'")).isEqualTo(new Literal("it's"));
    assertThat(ExpressionParser.parse("\"a\\u0041\\n\"")).isEqualTo(new Literal("aA\n"));
    assertThat(ExpressionParser.parse("null")).isEqualTo(new Literal(null));
    assertThat(ExpressionParser.parse("[true, false]"))
        .isEqualTo(new Expression.ListLiteral(List.of(new Literal(true), new Literal(false))));
  }

  @Test
  void functionsListsEveryCalledFunctionOnce() {
    assertThat(
            ExpressionParser.parse("len(text.split(a, \"/\")) + len(keys({\"k\": sys.now()}))")
                .functions())
        .containsExactly("keys", "len", "sys.now", "text.split");
  }

  static Stream<Arguments> syntaxErrors() {
    return Stream.of(
        Arguments.of("a +", "expected a value, found end of expression at position 4"),
        Arguments.of("a == )", "expected a value, found ')' at position 6"),
        Arguments.of("(a", "expected ')', found end of expression at position 3"),
        Arguments.of("a b", "unexpected 'b' at position 3"),
        Arguments.of("1 < 2 < 3", "comparisons cannot be chained; use 'and' at position 7"),
        Arguments.of("\"abc", "unterminated string at position 1"),
        Arguments.of("a # b", "unexpected character '#' at position 3"),
        Arguments.of("\"x\"(1)", "only standard-library functions can be called at position 4"),
        Arguments.of("{a: 1}", "expected a string key, found 'a' at position 2"),
        Arguments.of("a.1", "expected a name after '.', found '1' at position 3"),
        Arguments.of(
            "99999999999999999999",
            "integer 99999999999999999999 is out of the 64-bit range at position 1"),
        Arguments.of("", "empty expression at position 1"));
  }

  @ParameterizedTest
  @MethodSource("syntaxErrors")
  void syntaxErrorsSayWhatWasExpectedAndWhere(String source, String message) {
    assertThatThrownBy(() -> ExpressionParser.parse(source))
        .isInstanceOf(ExpressionSyntaxException.class)
        .hasMessage(message);
  }
}
