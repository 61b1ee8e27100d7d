package dev.convergence.core.launch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.convergence.core.ledger.RunRecord;

/**
 * The argument {@code pipeline-run} is started with: the run and what it was asked to do. The cloud
 * launcher and the local executor pass the same JSON, so the workflow file reads one shape.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowArgument(
    String runId,
    String tenantId,
    String pipeline,
    String billingPeriod,
    String requestId,
    String trigger,
    String source,
    boolean dryRun) {

  private static final ObjectMapper JSON =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  public static WorkflowArgument of(RunRecord run) {
    return new WorkflowArgument(
        run.runId(),
        run.tenantId(),
        run.pipeline(),
        run.billingPeriod().toString(),
        run.requestId(),
        run.trigger().wireName(),
        run.source(),
        run.dryRun());
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the workflow argument of " + runId, e);
    }
  }
}
