package dev.convergence.functions;

import com.google.cloud.functions.CloudEventsFunction;
import dev.convergence.core.intake.IntakeOutcome;
import dev.convergence.core.intake.RequestMessage;
import dev.convergence.core.intake.RunIntake;
import io.cloudevents.CloudEvent;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts run requests published to {@code run-requests}: parses and admits each one and starts its
 * workflow, or dead-letters it with its reason. A refusal returns normally (Pub/Sub must not
 * redeliver bad input); a dependency failure throws, so Pub/Sub redelivers.
 */
public final class AcceptRun implements CloudEventsFunction {

  private static final Logger log = LoggerFactory.getLogger(AcceptRun.class);

  private final Supplier<RunIntake> intake;

  /** Used by the Functions Framework: configured from the environment, built on first event. */
  public AcceptRun() {
    FunctionsComponent component = FunctionsComponent.create(FunctionSettings.fromEnvironment());
    this.intake = component::intake;
  }

  AcceptRun(RunIntake intake) {
    this.intake = () -> intake;
  }

  @Override
  public void accept(CloudEvent event) {
    if (event.getData() == null) {
      throw new IllegalArgumentException("event " + event.getId() + " carries no data");
    }
    RequestMessage message = PubSubPush.decode(event.getData().toBytes());
    IntakeOutcome outcome = intake.get().accept(message);
    if (outcome instanceof IntakeOutcome.Accepted accepted) {
      log.info(
          "Message {}: run {} {}, workflow {}",
          message.messageId(),
          accepted.run().runId(),
          accepted.newRun() ? "admitted" : "already known",
          accepted.execution().orElse("(started elsewhere)"));
    }
  }
}
