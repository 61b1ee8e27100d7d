package dev.convergence.workflows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.convergence.core.launch.WorkflowArgument;
import dev.convergence.workflows.exec.Interpreter;
import dev.convergence.workflows.expr.Evaluator;
import dev.convergence.workflows.expr.StandardLibrary;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs a workflow file on one machine, the way Cloud Workflows runs it: the local half of "the same
 * file, deployed as is and run here". Connector and HTTP calls go to the {@link CallHandler}s bound
 * when it is built; building refuses a file whose calls are not all bound, naming the step and the
 * call, so a run never reaches a call it cannot make.
 *
 * <p>{@code sys.get_env} reads the environment given here (the built-in {@code GOOGLE_CLOUD_*}
 * variables and the user variables Terraform would set), except {@code
 * GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID}, which is each execution's own id. {@code sys.now} reads the
 * clock; retries and {@code sys.sleep} wait through the {@link Sleeper}.
 */
public final class WorkflowExecutor {

  /** The execution id variable, set per execution. */
  public static final String EXECUTION_ID_VARIABLE = "GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID";

  private final WorkflowDefinition definition;
  private final CallHandlers handlers;
  private final Map<String, String> environment;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Supplier<String> executionIds;

  private WorkflowExecutor(Builder builder) {
    this.definition = builder.definition;
    this.handlers = builder.handlers;
    this.environment = Map.copyOf(builder.environment);
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.executionIds = builder.executionIds;
    for (Map.Entry<String, List<String>> call : definition.externalCalls().entrySet()) {
      if (handlers.handler(call.getKey()).isEmpty()) {
        throw new UnsupportedConstructException(
            definition.source(),
            call.getValue().get(0),
            "call " + call.getKey(),
            "no CallHandler is bound to it");
      }
    }
  }

  public static Builder builder(WorkflowDefinition definition) {
    return new Builder(definition);
  }

  /**
   * Runs one execution with {@code argument} (a JSON-like value: maps, lists, strings, numbers) as
   * {@code main}'s parameter. A workflow error nothing caught ends it FAILED, as in the cloud; it
   * is not thrown.
   */
  public ExecutionOutcome execute(Object argument) {
    String executionId = executionIds.get();
    Map<String, String> env = new HashMap<>(environment);
    env.put(EXECUTION_ID_VARIABLE, executionId);
    Interpreter interpreter =
        new Interpreter(
            definition, handlers, new Evaluator(new StandardLibrary(env, clock)), sleeper);
    try {
      return ExecutionOutcome.succeeded(executionId, interpreter.run(argument));
    } catch (WorkflowError e) {
      return ExecutionOutcome.failed(executionId, e.value(), interpreter.raisingStep());
    }
  }

  /** Runs one execution with the argument AcceptRun would start it with. */
  public ExecutionOutcome execute(WorkflowArgument argument) {
    try {
      return execute(JsonMapper.builder().build().readValue(argument.toJson(), Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read back the workflow argument", e);
    }
  }

  /** Configures an executor; only the definition is required. */
  public static final class Builder {
    private final WorkflowDefinition definition;
    private CallHandlers handlers = CallHandlers.builder().build();
    private Map<String, String> environment = Map.of();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.THREAD;
    private Supplier<String> executionIds = () -> UUID.randomUUID().toString();

    private Builder(WorkflowDefinition definition) {
      this.definition = Objects.requireNonNull(definition, "definition");
    }

    public Builder handlers(CallHandlers handlers) {
      this.handlers = Objects.requireNonNull(handlers, "handlers");
      return this;
    }

    /** What {@code sys.get_env} reads. */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Where execution ids come from: random UUIDs unless set. */
    public Builder executionIds(Supplier<String> executionIds) {
      this.executionIds = Objects.requireNonNull(executionIds, "executionIds");
      return this;
    }

    /**
     * @throws UnsupportedConstructException if a call in the file has no handler
     */
    public WorkflowExecutor build() {
      return new WorkflowExecutor(this);
    }
  }
}
