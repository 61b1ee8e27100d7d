package dev.convergence.workflows.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.workflows.WorkflowError;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EvaluatorTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-01T02:00:00.250Z"), ZoneOffset.UTC);

  private final Evaluator evaluator =
      new Evaluator(
          new StandardLibrary(
              Map.of("GOOGLE_CLOUD_PROJECT_ID", "convergence-dev", "EMPTY", ""), CLOCK));

  private final Map<String, Object> variables = new LinkedHashMap<>();

  EvaluatorTest() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", 503L);
    error.put("message", "HTTP server responded with error code 503");
    error.put("tags", List.of("HttpError"));
    variables.put("e", error);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("run_id", "2026-10-3f9c");
    run.put("tenant_id", "acme_corp");
    variables.put("run", run);
    variables.put("cluster", "projects/p1/locations/europe-west1/clusters/convergence");
    variables.put("steps", List.of(Map.of("step", "ingest")));
    variables.put("nothing", null);
  }

  private Object eval(String source) {
    return evaluator.evaluate(
        ExpressionParser.parse(source),
        new Scope() {
          @Override
          public boolean has(String name) {
            return variables.containsKey(name);
          }

          @Override
          public Object get(String name) {
            return variables.get(name);
          }
        });
  }

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("7 + 2 * 3", 13L),
        Arguments.of("7 / 2", 3.5),
        Arguments.of("6 / 3", 2.0),
        Arguments.of("7 // 2", 3L),
        Arguments.of("-7 // 2", -4L),
        Arguments.of("7 % 3", 1L),
        Arguments.of("-7 % 3", 2L),
        Arguments.of("7.5 // 2", 3.0),
        Arguments.of("1 + 0.5", 1.5),
        Arguments.of("\"gs://\" + \"b\" + \"/\"", "gs://b/"),
        Arguments.of("1 == 1.0", true),
        Arguments.of("\"a\" < \"b\"", true),
        Arguments.of("2 >= 3", false),
        Arguments.of("[1, {\"a\": 2}] == [1, {\"a\": 2}]", true),
        Arguments.of("\"HttpError\" in e.tags", true),
        Arguments.of("\"tags\" in e", true),
        Arguments.of("map.get(e, \"code\") in [429, 500, 502, 503, 504]", true),
        Arguments.of("not(\"trigger\" in run)", true),
        Arguments.of("false and undefined_variable", false),
        Arguments.of("true or undefined_variable", true),
        Arguments.of("nothing == null", true),
        Arguments.of("run.run_id", "2026-10-3f9c"),
        Arguments.of("run[\"tenant_id\"]", "acme_corp"),
        Arguments.of("steps[0].step", "ingest"),
        Arguments.of("default(nothing, \"x\")", "x"),
        Arguments.of("default(0, \"x\")", 0L),
        Arguments.of("len(\"héllo\")", 5L),
        Arguments.of("len(steps)", 1L),
        Arguments.of("keys(run)", List.of("run_id", "tenant_id")),
        Arguments.of("get_type(1.5)", "double"),
        Arguments.of("get_type(nothing)", "null"),
        Arguments.of("int(\"42\")", 42L),
        Arguments.of("int(-2.9)", -2L),
        Arguments.of("double(\"1.25\")", 1.25),
        Arguments.of("string(12) + string(1.5) + string(true)", "121.5true"),
        Arguments.of("map.get(e, \"missing\")", null),
        Arguments.of("map.get(run, [\"run_id\"])", "2026-10-3f9c"),
        Arguments.of("map.get(e, [\"code\", \"deeper\"])", null),
        Arguments.of("list.concat(steps, 2)", List.of(Map.of("step", "ingest"), 2L)),
        Arguments.of(
            "text.split(cluster, \"/\")",
            List.of("projects", "p1", "locations", "europe-west1", "clusters", "convergence")),
        Arguments.of("text.split(\"a//b\", \"/\")", List.of("a", "", "b")),
        Arguments.of("text.substring(\"0f1e2d3c-aaaa\", 0, 8)", "0f1e2d3c"),
        Arguments.of("text.substring(\"abc\", 1, 99)", "bc"),
        Arguments.of(
            "text.replace_all(\"http://flink-jobmanager:8081\", \"http://\", \"\")",
            "flink-jobmanager:8081"),
        Arguments.of("text.to_upper(\"ab\") + text.to_lower(\"CD\")", "ABcd"),
        Arguments.of("json.encode_to_string({\"a\": [1, null, \"x\"]})", "{\"a\":[1,null,\"x\"]}"),
        Arguments.of("sys.now()", 1793498400.25),
        Arguments.of("sys.get_env(\"GOOGLE_CLOUD_PROJECT_ID\")", "convergence-dev"),
        Arguments.of("sys.get_env(\"UNSET\")", null),
        Arguments.of("sys.get_env(\"UNSET\", \"fallback\")", "fallback"),
        Arguments.of("sys.get_env(\"EMPTY\", \"fallback\")", ""),
        Arguments.of("time.format(sys.now())", "2026-11-01T02:00:00.250000Z"),
        Arguments.of("time.format(0, \"Europe/Paris\")", "1970-01-01T01:00:00.000000+01:00"),
        Arguments.of("{\"step\": \"x\", \"n\": 1 + 1}", Map.of("step", "x", "n", 2L)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void evaluates(String source, Object expected) {
    assertThat(eval(source)).isEqualTo(expected);
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(
            "1 + \"a\"", "TypeError", "unsupported operand types for +: integer and string"),
        Arguments.of(
            "\"a\" * 2", "TypeError", "unsupported operand types for *: string and integer"),
        Arguments.of(
            "1 < \"a\"", "TypeError", "unsupported operand types for <: integer and string"),
        Arguments.of("1 / 0", "ZeroDivisionError", "division by zero"),
        Arguments.of("1 // 0", "ZeroDivisionError", "division by zero"),
        Arguments.of("9223372036854775807 + 1", "ValueError", "integer overflow in +"),
        Arguments.of("run.missing", "KeyError", "key not found: missing"),
        Arguments.of(
            "undefined_variable", "KeyError", "variable 'undefined_variable' is not defined"),
        Arguments.of("steps[1]", "IndexError", "list index 1 out of range for a list of 1"),
        Arguments.of("steps[\"a\"]", "TypeError", "a list is indexed by an integer, not by string"),
        Arguments.of("cluster.name", "TypeError", "cannot read key 'name' of string"),
        Arguments.of("1 and true", "TypeError", "'and' needs booleans, not integer"),
        Arguments.of("not 1", "TypeError", "'not' needs booleans, not integer"),
        Arguments.of("-\"a\"", "TypeError", "unary '-' needs a number, not string"),
        Arguments.of(
            "1 in \"abc\"", "TypeError", "'in' needs a list or a map on its right, not string"),
        Arguments.of(
            "len(1)",
            "TypeError",
            "len: argument 1 must be a string, a list or a map, not integer"),
        Arguments.of("len()", "TypeError", "len: takes 1 argument, got 0"),
        Arguments.of(
            "map.get(steps, \"a\")", "TypeError", "map.get: argument 1 must be a map, not list"),
        Arguments.of("sys.get_env()", "TypeError", "sys.get_env: takes 1 to 2 arguments, got 0"),
        Arguments.of("int(\"4x\")", "ValueError", "int: '4x' is not an integer"),
        Arguments.of(
            "string(steps)",
            "TypeError",
            "string: argument 1 must be a string, a number or a boolean, not list"),
        Arguments.of(
            "time.format(0, \"Mars/Olympus\")",
            "ValueError",
            "time.format: unknown time zone 'Mars/Olympus'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void failsAsWorkflowsDoes(String source, String tag, String message) {
    assertThatThrownBy(() -> eval(source))
        .isInstanceOfSatisfying(
            WorkflowError.class,
            e -> assertThat(e.value()).isEqualTo(Map.of("message", message, "tags", List.of(tag))));
  }
}
