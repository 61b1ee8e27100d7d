package dev.convergence.core.launch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.convergence.core.ledger.RunRecord;

/**
 * The argument {@code pipeline-run} is started with: {@code {"run_id": ..., "request": {...}}},
 * where {@code request} is the run request as admitted (request id included). A workflow started
 * directly with {@code gcloud workflows execute} passes {@code {"request": {...}}} alone; either
 * way the workflow hands {@code request} to AdmitRun, which admits it or finds the run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowArgument(String runId, Request request) {

  /** A run request, as the JSON the request parser reads. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Request(
      String tenantId,
      String pipeline,
      String billingPeriod,
      String trigger,
      String source,
      String requestId,
      Options options) {}

  /** The run's options. */
  public record Options(boolean dryRun) {}

  private static final ObjectMapper JSON =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  public static WorkflowArgument of(RunRecord run) {
    return new WorkflowArgument(
        run.runId(),
        new Request(
            run.tenantId(),
            run.pipeline(),
            run.billingPeriod().toString(),
            run.trigger().wireName(),
            run.source(),
            run.requestId(),
            new Options(run.dryRun())));
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the workflow argument of " + runId, e);
    }
  }
}
