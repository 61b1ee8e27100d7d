package dev.convergence.workflows;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cloud side of {@code pipeline-run.yaml} as the four calls it makes: AdmitRun over HTTP, the
 * Cloud Run jobs connector, and the GKE connector. Records every call with its arguments; tests
 * switch in the answers and failures they need. Each stage moves the clock by its duration.
 */
final class TestingCloud {

  static final String RUN_ID = "2026-10-3f9c0a1b2c3d4e5f60718293";

  private final TestingClock clock;
  private final List<Call> calls = new ArrayList<>();
  private final Deque<Object> admitAnswers = new ArrayDeque<>();
  private final Map<String, Deque<WorkflowError>> failures = new HashMap<>();
  private final Map<String, Duration> durations =
      Map.of(
          "convergence-ingest", Duration.ofSeconds(30),
          "flink", Duration.ofSeconds(120),
          "convergence-check", Duration.ofSeconds(15),
          "convergence-publish", Duration.ofSeconds(20),
          "convergence-finalize", Duration.ofSeconds(5));

  TestingCloud(TestingClock clock) {
    this.clock = clock;
  }

  CallHandlers handlers() {
    return CallHandlers.builder()
        .on(PipelineRunCalls.HTTP_POST, this::admit)
        .on(PipelineRunCalls.RUN_JOB, this::runJob)
        .on(PipelineRunCalls.CREATE_JOB, this::createJob)
        .on(PipelineRunCalls.AWAIT_JOB, this::awaitJob)
        .build();
  }

  List<Call> calls() {
    return calls;
  }

  /** The next AdmitRun answer: a body for 200, or an error to raise. */
  TestingCloud admitAnswers(Object answer) {
    admitAnswers.add(answer);
    return this;
  }

  /** The next call of {@code target} (a job name, "admit", "create" or "await") raises this. */
  TestingCloud failNext(String target, WorkflowError error) {
    failures.computeIfAbsent(target, t -> new ArrayDeque<>()).add(error);
    return this;
  }

  static Map<String, Object> admittedRun(String admission) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("run_id", RUN_ID);
    run.put("tenant_id", "acme_corp");
    run.put("pipeline", "aws-cur");
    run.put("billing_period", "2026-10");
    run.put("request_id", "sched:acme_corp:aws-cur:2026-11-01T02:00Z");
    run.put("trigger", "scheduler");
    run.put("dry_run", false);
    run.put("state", "ACCEPTED");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("admission", admission);
    body.put("run", run);
    return body;
  }

  private void failIfAsked(String target) {
    Deque<WorkflowError> queue = failures.get(target);
    if (queue != null && !queue.isEmpty()) {
      throw queue.poll();
    }
  }

  private Object admit(Call call) {
    calls.add(call);
    failIfAsked("admit");
    Object answer = admitAnswers.isEmpty() ? admittedRun("admitted") : admitAnswers.poll();
    if (answer instanceof WorkflowError error) {
      throw error;
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("code", 200L);
    response.put("body", answer);
    return response;
  }

  private Object runJob(Call call) {
    calls.add(call);
    String name = (String) call.arg("name");
    String job = name.substring(name.lastIndexOf('/') + 1);
    failIfAsked(job);
    clock.advance(durations.get(job));
    return Map.of("name", name + "/executions/" + job + "-" + calls.size(), "succeededCount", 1);
  }

  private Object createJob(Call call) {
    calls.add(call);
    failIfAsked("create");
    return call.arg("job");
  }

  private Object awaitJob(Call call) {
    calls.add(call);
    failIfAsked("await");
    clock.advance(durations.get("flink"));
    return Map.of("status", Map.of("succeeded", 1));
  }
}
