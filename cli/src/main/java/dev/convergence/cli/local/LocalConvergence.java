package dev.convergence.cli.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convergence.adapters.embedded.bus.InProcessEventBus;
import dev.convergence.adapters.embedded.store.LocalDirectoryObjectStore;
import dev.convergence.core.bus.Topics;
import dev.convergence.core.config.ConfigDirectory;
import dev.convergence.core.launch.WorkflowArgument;
import dev.convergence.core.ledger.RunLedger;
import dev.convergence.functions.AcceptRun;
import dev.convergence.functions.LocalFunctions;
import dev.convergence.stages.check.CheckMain;
import dev.convergence.stages.finalize.FinalizeMain;
import dev.convergence.stages.ingest.IngestMain;
import dev.convergence.stages.publish.PublishMain;
import dev.convergence.workflows.ExecutionOutcome;
import dev.convergence.workflows.PipelineRunCalls;
import dev.convergence.workflows.WorkflowDefinition;
import dev.convergence.workflows.WorkflowExecutor;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The whole product on one machine, wired as the cloud wires it: run requests published on the
 * in-process bus reach the real AcceptRun as Eventarc's CloudEvent, AcceptRun starts {@code
 * pipeline-run} through the local launcher, and the local executor runs the deployed workflow file
 * with its calls answered by {@link LocalPipeline}.
 */
public final class LocalConvergence {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalDeployment deployment;
  private final InProcessEventBus bus;
  private final LocalWorkflowLauncher launcher = new LocalWorkflowLauncher();
  private final LocalFunctions functions;
  private final WorkflowDefinition workflow = WorkflowDefinition.pipelineRun();
  private final LocalPipeline pipeline;
  private final List<ExecutionOutcome> outcomes = new ArrayList<>();
  private final AtomicLong messages = new AtomicLong();

  public LocalConvergence(LocalDeployment deployment, Clock clock) {
    this.deployment = deployment;
    ConfigDirectory config = deployment.loadConfig();
    LocalDirectoryObjectStore store = deployment.objectStore();
    this.bus = new InProcessEventBus();
    this.functions = LocalFunctions.create(config, store, bus, launcher, clock);
    AcceptRun acceptRun = functions.acceptRun();
    bus.subscribe(
        Topics.RUN_REQUESTS,
        message -> acceptRun.accept(event(message.data(), message.attributes())));
    Map<String, Function<String[], Integer>> jobs = new LinkedHashMap<>();
    jobs.put("convergence-ingest", IngestMain::run);
    jobs.put("convergence-check", CheckMain::run);
    jobs.put("convergence-publish", PublishMain::run);
    jobs.put("convergence-finalize", FinalizeMain::run);
    this.pipeline = new LocalPipeline(deployment, functions.admitRun(), jobs);
  }

  public LocalDeployment deployment() {
    return deployment;
  }

  public RunLedger ledger() {
    return functions.ledger();
  }

  public InProcessEventBus bus() {
    return bus;
  }

  /** Publishes a run request on {@code run-requests}, as a scheduler or a tenant's tool would. */
  public void publishRequest(Map<String, Object> request, Map<String, String> attributes)
      throws IOException {
    bus.publish(Topics.RUN_REQUESTS, JSON.writeValueAsBytes(request), attributes);
  }

  /**
   * Runs every workflow execution started so far to its end; {@code progress} hears of each as it
   * starts. Returns the outcomes, in order.
   */
  public List<ExecutionOutcome> runWorkflows(Consumer<String> progress) {
    List<ExecutionOutcome> ran = new ArrayList<>();
    launcher.drain(
        (name, run) -> {
          progress.accept(run.tenantId() + " " + run.pipeline() + " " + run.billingPeriod());
          String executionId = name.substring(name.lastIndexOf('/') + 1);
          WorkflowExecutor executor =
              WorkflowExecutor.builder(workflow)
                  .handlers(PipelineRunCalls.bind(pipeline))
                  .environment(LocalPipeline.workflowEnvironment())
                  .executionIds(() -> executionId)
                  .build();
          ran.add(executor.execute(WorkflowArgument.of(run)));
        });
    outcomes.addAll(ran);
    return ran;
  }

  /** Eventarc's CloudEvent for a Pub/Sub message on {@code run-requests}. */
  private CloudEvent event(byte[] data, Map<String, String> attributes) {
    long id = messages.incrementAndGet();
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("data", Base64.getEncoder().encodeToString(data));
    message.put("attributes", attributes);
    message.put("messageId", String.valueOf(id));
    message.put("publishTime", OffsetDateTime.now(ZoneOffset.UTC).toString());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    body.put("subscription", "projects/local/subscriptions/run-requests-accept-run");
    try {
      return CloudEventBuilder.v1()
          .withId(String.valueOf(id))
          .withSource(
              URI.create("//pubsub.googleapis.com/projects/local/topics/" + Topics.RUN_REQUESTS))
          .withType("google.cloud.pubsub.topic.v1.messagePublished")
          .withDataContentType("application/json")
          .withData(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8))
          .build();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
