package dev.convergence.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The constructs one at a time, on small files. */
class WorkflowExecutorTest {

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final List<Call> calls = new ArrayList<>();

  private ExecutionOutcome run(String yaml, Object argument, CallHandler flaky) {
    CallHandlers.Builder handlers = CallHandlers.builder();
    if (flaky != null) {
      handlers.on(
          "test.flaky",
          call -> {
            calls.add(call);
            return flaky.call(call);
          });
    }
    return WorkflowExecutor.builder(WorkflowDefinition.parse("t.yaml", yaml))
        .handlers(handlers.build())
        .environment(Map.of("GREETING", "hello"))
        .clock(new TestingClock(Instant.parse("2026-01-01T00:00:00Z")))
        .sleeper(sleeper)
        .executionIds(() -> "exec-1")
        .build()
        .execute(argument);
  }

  private ExecutionOutcome run(String yaml, Object argument) {
    return run(yaml, argument, null);
  }

  @Test
  void assignsInOrderAndReturnsFromMain() {
    ExecutionOutcome outcome =
        run(
            """
            main:
              params: [args]
              steps:
                - set:
                    assign:
                      - n: ${args.n}
                      - doubled: ${n * 2}
                      - m: {"a": {"b": 1}, "l": [1, 2]}
                      - m.a.b: ${doubled}
                      - m["l"][1]: 9
                      - m.new: ${sys.get_env("GREETING") + " " + sys.get_env("GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID")}
                - done:
                    return: ${m}
            """,
            Map.of("n", 21));

    assertThat(outcome.executionId()).isEqualTo("exec-1");
    assertThat(outcome.result())
        .isEqualTo(Map.of("a", Map.of("b", 42L), "l", List.of(1L, 9L), "new", "hello exec-1"));
  }

  @Test
  void assignmentCopiesSoChangingOneVariableLeavesTheOtherAlone() {
    ExecutionOutcome outcome =
        run(
            """
            main:
              steps:
                - set:
                    assign:
                      - a: {"x": 1}
                      - b: ${a}
                      - b.x: 2
                - done:
                    return: ${[a.x, b.x]}
            """,
            null);

    assertThat(outcome.result()).isEqualTo(List.of(1L, 2L));
  }

  @Test
  void switchTakesTheFirstTrueConditionAndNextJumpsBackToLoop() {
    ExecutionOutcome outcome =
        run(
            """
            main:
              steps:
                - init:
                    assign:
                      - i: 0
                      - seen: []
                - loop:
                    switch:
                      - condition: ${i >= 3}
                        next: finish
                      - condition: ${i >= 0}
                        assign:
                          - seen: ${list.concat(seen, i)}
                          - i: ${i + 1}
                        next: loop
                - never:
                    raise: "not reached"
                - finish:
                    return: ${seen}
            """,
            null);

    assertThat(outcome.result()).isEqualTo(List.of(0L, 1L, 2L));
  }

  @Test
  void aConditionWithoutNextGoesOnToTheFollowingStepAndNoneTrueSkipsTheSwitch() {
    ExecutionOutcome outcome =
        run(
            """
            main:
              steps:
                - a:
                    switch:
                      - condition: false
                        return: "no"
                - b:
                    switch:
                      - condition: true
                        steps:
                          - inner:
                              assign:
                                - x: 1
                - c:
                    return: ${x}
            """,
            null);

    assertThat(outcome.result()).isEqualTo(1L);
  }

  @Test
  void nextEndStopsWithNullAndSubworkflowsTakeDefaults() {
    ExecutionOutcome outcome =
        run(
            """
            main:
              steps:
                - call_it:
                    call: greet
                    args:
                      name: Ada
                    result: greeting
                - stop:
                    assign:
                      - last: ${greeting}
                    next: end
                - never:
                    raise: "not reached"
            greet:
              params: [name, punctuation: "!"]
              steps:
                - r:
                    return: ${"hi " + name + punctuation}
            """,
            null);

    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.result()).isNull();
  }

  @Test
  void retriesWhileThePredicateSaysSoThenTheExceptBlockGetsTheError() {
    ExecutionOutcome outcome =
        run(
            """
            main:
              steps:
                - attempt:
                    try:
                      call: test.flaky
                      args:
                        n: 1
                      result: r
                    retry:
                      predicate: ${always}
                      max_retries: 3
                      backoff:
                        initial_delay: 1
                        max_delay: 3
                        multiplier: 2
                    except:
                      as: e
                      steps:
                        - caught:
                            return: ${e}
            always:
              params: [e]
              steps:
                - say_yes:
                    return: true
            """,
            null,
            call -> {
              throw WorkflowError.http(503, "busy", Map.of());
            });

    assertThat(calls).hasSize(4);
    assertThat(sleeper.delays())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
    assertThat(outcome.result())
        .isEqualTo(
            Map.of(
                "code", 503L,
                "message", "busy",
                "headers", Map.of(),
                "body", Map.of(),
                "tags", List.of("HttpError")));
  }

  @Test
  void aRaisedStringIsCaughtAsAString() {
    ExecutionOutcome outcome =
        run(
            """
            main:
              steps:
                - t:
                    try:
                      steps:
                        - boom:
                            raise: "boom"
                    except:
                      as: e
                      steps:
                        - r:
                            return: ${get_type(e) + ":" + e}
            """,
            null);

    assertThat(outcome.result()).isEqualTo("string:boom");
  }

  @Test
  void anUncaughtErrorFailsTheExecutionWithTheStepThatRaisedIt() {
    ExecutionOutcome outcome =
        run(
            """
            main:
              steps:
                - go:
                    call: inner
            inner:
              steps:
                - bad:
                    assign:
                      - x: ${1 / 0}
            """,
            null);

    assertThat(outcome.state()).isEqualTo(ExecutionOutcome.State.FAILED);
    assertThat(outcome.error())
        .isEqualTo(Map.of("message", "division by zero", "tags", List.of("ZeroDivisionError")));
    assertThat(outcome.failedStep()).contains("inner.bad");
  }

  @Test
  void aHandlerThatThrowsSomethingElseRaisesASystemError() {
    ExecutionOutcome outcome =
        run(
            """
            main:
              steps:
                - c:
                    call: test.flaky
            """,
            null,
            call -> {
              throw new IllegalStateException("disk full");
            });

    assertThat(outcome.error())
        .isEqualTo(
            Map.of(
                "message",
                "test.flaky failed in step main.c: java.lang.IllegalStateException: disk full",
                "tags",
                List.of("SystemError")));
  }

  @Test
  void sysSleepWaitsThroughTheSleeper() {
    run(
        """
        main:
          steps:
            - nap:
                call: sys.sleep
                args:
                  seconds: 1.5
        """,
        null);

    assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(1500));
  }
}
