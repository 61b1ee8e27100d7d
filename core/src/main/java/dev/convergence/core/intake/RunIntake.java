package dev.convergence.core.intake;

import dev.convergence.core.bus.EventBus;
import dev.convergence.core.bus.Topics;
import dev.convergence.core.launch.WorkflowLauncher;
import dev.convergence.core.ledger.Admission;
import dev.convergence.core.ledger.RunLaunches;
import dev.convergence.core.ledger.RunLedger;
import dev.convergence.core.ledger.RunRecord;
import dev.convergence.core.ledger.RunState;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.request.ReasonCode;
import dev.convergence.core.request.RejectedRequestException;
import dev.convergence.core.request.Rejection;
import dev.convergence.core.request.RunRequest;
import dev.convergence.core.request.RunRequestParser;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a delivered run request from parse to a started workflow: parse it, admit it in the ledger,
 * start its workflow once. A refusal is the sender's fault: the original payload goes to {@value
 * Topics#RUN_REQUESTS_REJECTED} with the reason as attributes, and intake returns normally so the
 * transport does not redeliver it. A dependency failure (store, bus, Workflows) throws, so the
 * transport redelivers; every step is safe to repeat.
 */
public final class RunIntake {

  /** Attribute a scheduler message carries instead of a billing period: current or previous. */
  public static final String PERIOD_CHOICE_ATTRIBUTE = "billing_period_choice";

  /** The schedule's IANA time zone, in which "current" and "previous" are counted (default UTC). */
  public static final String TIME_ZONE_ATTRIBUTE = "time_zone";

  public static final String REASON_CODE = "reason_code";
  public static final String REASON_FIELD = "reason_field";
  public static final String REASON_MESSAGE = "reason_message";
  public static final String ORIGINAL_MESSAGE_ID = "original_message_id";

  /** Pub/Sub takes attribute values of at most 1,024 bytes. */
  private static final int MAX_ATTRIBUTE_BYTES = 1024;

  private static final Logger log = LoggerFactory.getLogger(RunIntake.class);

  private final RunRequestParser parser;
  private final RunLedger ledger;
  private final RunLaunches launches;
  private final WorkflowLauncher launcher;
  private final EventBus bus;

  @Inject
  public RunIntake(
      RunRequestParser parser,
      RunLedger ledger,
      RunLaunches launches,
      WorkflowLauncher launcher,
      EventBus bus) {
    this.parser = parser;
    this.ledger = ledger;
    this.launches = launches;
    this.launcher = launcher;
    this.bus = bus;
  }

  public IntakeOutcome accept(RequestMessage message) {
    RunRequest request;
    try {
      request =
          parser
              .parse(message.data(), defaultPeriod(message))
              .withRequestIdIfAbsent(message.messageId());
    } catch (RejectedRequestException e) {
      return deadLetter(message, e.rejection());
    }
    Admission admission = ledger.admit(request);
    if (admission instanceof Admission.Rejected rejected) {
      return deadLetter(message, rejected.rejection());
    }
    boolean newRun = admission instanceof Admission.Admitted;
    RunRecord run =
        newRun ? ((Admission.Admitted) admission).run() : ((Admission.Duplicate) admission).run();
    if (run.state() != RunState.ACCEPTED) {
      // Past its start: started by an earlier delivery, or directly through AdmitRun.
      return new IntakeOutcome.Accepted(
          run, false, launches.execution(run.tenantId(), run.runId()), false);
    }
    RunLaunches.Launch launch = launches.launchOnce(run, launcher);
    return new IntakeOutcome.Accepted(
        run, newRun, Optional.of(launch.execution()), launch.startedNow());
  }

  private static Optional<BillingPeriod> defaultPeriod(RequestMessage message)
      throws RejectedRequestException {
    String choice = message.attributes().get(PERIOD_CHOICE_ATTRIBUTE);
    if (choice == null) {
      return Optional.empty();
    }
    BillingPeriod current = BillingPeriod.containing(message.publishTime(), zone(message));
    return switch (choice) {
      case "current" -> Optional.of(current);
      case "previous" -> Optional.of(current.plusMonths(-1));
      default ->
          throw new RejectedRequestException(
              Rejection.of(
                  ReasonCode.INVALID_BILLING_PERIOD,
                  "attributes." + PERIOD_CHOICE_ATTRIBUTE,
                  "must be current or previous; got '" + choice + "'"));
    };
  }

  private static ZoneId zone(RequestMessage message) throws RejectedRequestException {
    String zone = message.attributes().getOrDefault(TIME_ZONE_ATTRIBUTE, "UTC");
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new RejectedRequestException(
          Rejection.of(
              ReasonCode.INVALID_BILLING_PERIOD,
              "attributes." + TIME_ZONE_ATTRIBUTE,
              "'" + zone + "' is not an IANA time zone such as Europe/Paris or UTC"));
    }
  }

  private IntakeOutcome deadLetter(RequestMessage message, Rejection rejection) {
    Map<String, String> attributes = new LinkedHashMap<>(message.attributes());
    attributes.put(REASON_CODE, rejection.code().name());
    attributes.put(REASON_FIELD, limit(rejection.field()));
    attributes.put(REASON_MESSAGE, limit(rejection.message()));
    attributes.put(ORIGINAL_MESSAGE_ID, message.messageId());
    bus.publish(Topics.RUN_REQUESTS_REJECTED, message.data(), attributes);
    log.warn(
        "Dead-lettered message {}: {} {}",
        message.messageId(),
        rejection.code(),
        rejection.message());
    return new IntakeOutcome.DeadLettered(rejection);
  }

  /** Cuts {@code value} to what an attribute may hold, on a character boundary. */
  private static String limit(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_ATTRIBUTE_BYTES) {
      return value;
    }
    String suffix = "…";
    int end = value.length();
    while (end > 0
        && (value.substring(0, end) + suffix).getBytes(StandardCharsets.UTF_8).length
            > MAX_ATTRIBUTE_BYTES) {
      end--;
    }
    return value.substring(0, end) + suffix;
  }
}
