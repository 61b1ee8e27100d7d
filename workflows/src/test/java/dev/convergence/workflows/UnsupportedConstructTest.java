package dev.convergence.workflows;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the executor does not run stops the load, naming the step and the construct. */
class UnsupportedConstructTest {

  static Stream<Arguments> unsupported() {
    return Stream.of(
        Arguments.of(
            """
            main:
              steps:
                - fan_out:
                    parallel:
                      branches: []
            """,
            "f.yaml: step 'main.fan_out': 'parallel' is not supported by the local executor"),
        Arguments.of(
            """
            main:
              steps:
                - loop:
                    for:
                      value: v
                      in: [1, 2]
                      steps:
                        - a:
                            assign:
                              - x: ${v}
            """,
            "f.yaml: step 'main.loop': 'for' is not supported by the local executor"),
        Arguments.of(
            """
            main:
              steps:
                - hash:
                    assign:
                      - h: ${hash.compute_checksum(text.encode("x"), "SHA256")}
            """,
            "f.yaml: step 'main.hash': function hash.compute_checksum is not supported by the"
                + " local executor"),
        Arguments.of(
            """
            main:
              steps:
                - get:
                    try:
                      call: http.get
                      args:
                        url: https://example.com
                    retry: ${http.default_retry}
            """,
            "f.yaml: step 'main.get': 'retry: ${http.default_retry}' is not supported by the local"
                + " executor; write a retry block with a predicate subworkflow, max_retries and"
                + " backoff"),
        Arguments.of(
            """
            main:
              steps:
                - greet:
                    return: "hello ${name}"
            """,
            "f.yaml: step 'main.greet': the string \"hello ${name}\" is not supported by the local"
                + " executor; Workflows evaluates ${...} only as a whole value: write"
                + " ${\"...\" + x}"),
        Arguments.of(
            """
            main:
              steps:
                - pick:
                    switch:
                      - condition: true
                        call: sys.log
                        args:
                          text: hi
            """,
            "f.yaml: step 'main.pick': 'call' in a switch condition is not supported by the local"
                + " executor; put it in the condition's steps"),
        Arguments.of(
            """
            main:
              steps:
                - again:
                    next: continue
            """,
            "f.yaml: step 'main.again': 'next: continue' is not supported by the local executor;"
                + " it belongs to for loops"));
  }

  @ParameterizedTest
  @MethodSource("unsupported")
  void isRefusedWhenLoaded(String yaml, String message) {
    assertThatThrownBy(() -> WorkflowDefinition.parse("f.yaml", yaml))
        .isInstanceOf(UnsupportedConstructException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "main:\n  steps:\n    - a:\n        asign:\n          - x: 1\n",
            "f.yaml: step 'main.a': unknown key 'asign'"),
        Arguments.of(
            "main:\n  steps:\n    - a:\n        assign:\n          - x: 1\n        return: 2\n",
            "f.yaml: step 'main.a': a step does one thing; this one has assign and return"),
        Arguments.of(
            "main:\n  steps:\n    - a:\n        next: nowhere\n",
            "f.yaml: step 'main.a': next: nowhere names no step in this block or around it"),
        Arguments.of(
            "main:\n  steps:\n    - a:\n        assign:\n          - x: ${1 +}\n",
            "f.yaml: step 'main.a': expression ${1 +}: expected a value, found end of expression"
                + " at position 4"),
        Arguments.of(
            "main:\n  steps:\n    - a:\n        call: sub\n        args:\n          y: 1\n"
                + "sub:\n  params: [x]\n  steps:\n    - r:\n        return: ${x}\n",
            "f.yaml: step 'main.a': sub has no parameter 'y'"),
        Arguments.of(
            "main:\n  steps:\n    - a:\n        return: 1\n    - a:\n        return: 2\n",
            "f.yaml: step 'main.a': the name is used twice in main"),
        Arguments.of("steps: [", "f.yaml: not valid YAML: while parsing a flow node"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidFilesAreRefusedWithTheStepAndTheFault(String yaml, String message) {
    assertThatThrownBy(() -> WorkflowDefinition.parse("f.yaml", yaml))
        .isInstanceOf(InvalidWorkflowException.class)
        .hasMessageStartingWith(message);
  }
}
