package dev.convergence.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.convergence.core.bus.EventBusException;
import dev.convergence.core.ledger.Admission;
import dev.convergence.core.ledger.LedgerContentionException;
import dev.convergence.core.ledger.RunLaunches;
import dev.convergence.core.ledger.RunLedger;
import dev.convergence.core.ledger.RunRecord;
import dev.convergence.core.request.ReasonCode;
import dev.convergence.core.request.RejectedRequestException;
import dev.convergence.core.request.Rejection;
import dev.convergence.core.request.RunRequest;
import dev.convergence.core.request.RunRequestParser;
import dev.convergence.core.store.ObjectStoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admission for a workflow started directly (private: only the workflow's service account may
 * invoke it). The workflow posts {@code {"request": {...run request...}, "execution": "<its
 * name>"}}; AdmitRun admits the request, or finds the run it names (one admitted by AcceptRun is
 * returned as it is), and records the execution as the one running it.
 *
 * <ul>
 *   <li>200 {@code {"admission": "admitted" | "duplicate", "run": {...}}}
 *   <li>400, 403, 422, 429 {@code {"reason_code", "field", "message"}}: the request's fault
 *   <li>409: another execution already runs this run; this one must stop
 *   <li>503: the ledger could not answer; retry
 * </ul>
 */
public final class AdmitRun implements HttpFunction {

  private static final Logger log = LoggerFactory.getLogger(AdmitRun.class);
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final Pattern EXECUTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.:-]{0,511}");
  private static final int MAX_BODY_BYTES = RunRequestParser.MAX_BODY_BYTES + 1024;

  private final Supplier<FunctionsComponent> component;

  /** Used by the Functions Framework: configured from the environment, built on first request. */
  public AdmitRun() {
    FunctionsComponent built = FunctionsComponent.create(FunctionSettings.fromEnvironment());
    this.component = () -> built;
  }

  AdmitRun(FunctionsComponent component) {
    this.component = () -> component;
  }

  @Override
  public void service(HttpRequest request, HttpResponse response) throws IOException {
    if (!"POST".equals(request.getMethod())) {
      response.appendHeader("Allow", "POST");
      HttpAnswers.error(response, 405, "AdmitRun takes POST; got " + request.getMethod());
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    try {
      Admitting admitting = read(body);
      answer(admitting, response);
    } catch (RejectedRequestException e) {
      HttpAnswers.refused(response, e.rejection());
    } catch (ObjectStoreException | LedgerContentionException | EventBusException e) {
      log.error("AdmitRun could not reach the ledger", e);
      HttpAnswers.error(response, 503, "the run ledger could not answer; retry: " + e.getMessage());
    }
  }

  private record Admitting(RunRequest request, String execution) {}

  private Admitting read(byte[] body) throws RejectedRequestException {
    if (body.length > MAX_BODY_BYTES) {
      throw rejected(ReasonCode.BODY_TOO_LARGE, "body", "is over " + MAX_BODY_BYTES + " bytes");
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw rejected(
          ReasonCode.MALFORMED_JSON, "body", "is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw rejected(ReasonCode.MALFORMED_JSON, "body", "cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw rejected(
          ReasonCode.NOT_A_JSON_OBJECT,
          "body",
          "must be {\"request\": {...}, \"execution\": \"...\"}");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!Set.of("request", "execution").contains(name)) {
        throw rejected(
            ReasonCode.UNKNOWN_FIELD,
            name,
            "is not a field of an admission; known fields are execution, request");
      }
    }
    JsonNode execution = root.get("execution");
    if (execution == null || !execution.isTextual()) {
      throw rejected(
          ReasonCode.MISSING_FIELD, "execution", "is required: the workflow execution's name");
    }
    if (!EXECUTION.matcher(execution.textValue()).matches()) {
      throw rejected(
          ReasonCode.WRONG_TYPE,
          "execution",
          "must be a workflow execution's name; got '" + execution.textValue() + "'");
    }
    JsonNode requestNode = root.get("request");
    if (requestNode == null || !requestNode.isObject()) {
      throw rejected(
          ReasonCode.MISSING_FIELD, "request", "is required: the run request, as an object");
    }
    String name = execution.textValue();
    RunRequest request =
        component
            .get()
            .parser()
            .parse(requestNode.toString().getBytes(StandardCharsets.UTF_8))
            .withRequestIdIfAbsent(name.substring(name.lastIndexOf('/') + 1));
    return new Admitting(request, name);
  }

  private void answer(Admitting admitting, HttpResponse response) throws IOException {
    RunLedger ledger = component.get().ledger();
    RunLaunches launches = component.get().launches();
    Admission admission = ledger.admit(admitting.request());
    if (admission instanceof Admission.Rejected rejected) {
      HttpAnswers.refused(response, rejected.rejection());
      return;
    }
    boolean admitted = admission instanceof Admission.Admitted;
    RunRecord run =
        admitted ? ((Admission.Admitted) admission).run() : ((Admission.Duplicate) admission).run();
    String runningAs = launches.recordExecution(run, admitting.execution());
    if (!runningAs.equals(admitting.execution())) {
      Map<String, String> conflict = new LinkedHashMap<>();
      conflict.put("run_id", run.runId());
      conflict.put("execution", runningAs);
      conflict.put(
          "message",
          "run " + run.runId() + " is already run by execution " + runningAs + "; stop this one");
      HttpAnswers.json(response, 409, conflict);
      return;
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("admission", admitted ? "admitted" : "duplicate");
    answer.put("run", run);
    HttpAnswers.json(response, 200, answer);
  }

  private static RejectedRequestException rejected(ReasonCode code, String field, String detail) {
    return new RejectedRequestException(Rejection.of(code, field, detail));
  }
}
