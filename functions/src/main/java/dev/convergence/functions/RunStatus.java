package dev.convergence.functions;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.convergence.core.ledger.RunRecord;
import dev.convergence.core.store.ObjectStoreException;
import dev.convergence.core.tenant.Tenant;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A run's state history, or a tenant's recent runs (private, IAM-protected).
 *
 * <ul>
 *   <li>{@code GET ?tenant_id=T&run_id=R}: 200 the run with its history, 404 if there is none
 *   <li>{@code GET ?tenant_id=T[&limit=N]}: 200 {@code {"tenant_id", "runs": [...]}}, newest first,
 *       N from 1 to 100 (default 20)
 * </ul>
 */
public final class RunStatus implements HttpFunction {

  private static final int DEFAULT_LIMIT = 20;
  private static final int MAX_LIMIT = 100;

  private final Supplier<FunctionsComponent> component;

  /** Used by the Functions Framework: configured from the environment, built on first request. */
  public RunStatus() {
    FunctionsComponent built = FunctionsComponent.create(FunctionSettings.fromEnvironment());
    this.component = () -> built;
  }

  RunStatus(FunctionsComponent component) {
    this.component = () -> component;
  }

  @Override
  public void service(HttpRequest request, HttpResponse response) throws IOException {
    if (!"GET".equals(request.getMethod())) {
      response.appendHeader("Allow", "GET");
      HttpAnswers.error(response, 405, "RunStatus takes GET; got " + request.getMethod());
      return;
    }
    Optional<String> tenantId = request.getFirstQueryParameter("tenant_id");
    if (tenantId.isEmpty() || !Tenant.ID.matcher(tenantId.get()).matches()) {
      HttpAnswers.error(
          response, 400, "tenant_id: is required, 3 to 50 lowercase letters, digits or '_'");
      return;
    }
    if (component.get().tenants().find(tenantId.get()).isEmpty()) {
      HttpAnswers.error(
          response, 404, "tenant_id: no tenant '" + tenantId.get() + "' is configured");
      return;
    }
    try {
      Optional<String> runId = request.getFirstQueryParameter("run_id");
      if (runId.isPresent()) {
        Optional<RunRecord> run = component.get().ledger().find(tenantId.get(), runId.get());
        if (run.isEmpty()) {
          HttpAnswers.error(
              response, 404, "tenant " + tenantId.get() + " has no run " + runId.get());
        } else {
          HttpAnswers.json(response, 200, run.get());
        }
        return;
      }
      Optional<Integer> limit = limit(request, response);
      if (limit.isEmpty()) {
        return;
      }
      List<RunRecord> runs = component.get().ledger().recentRuns(tenantId.get(), limit.get());
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("tenant_id", tenantId.get());
      answer.put("runs", runs);
      HttpAnswers.json(response, 200, answer);
    } catch (ObjectStoreException e) {
      HttpAnswers.error(response, 503, "the run ledger could not answer; retry: " + e.getMessage());
    }
  }

  private static Optional<Integer> limit(HttpRequest request, HttpResponse response)
      throws IOException {
    Optional<String> text = request.getFirstQueryParameter("limit");
    if (text.isEmpty()) {
      return Optional.of(DEFAULT_LIMIT);
    }
    try {
      int limit = Integer.parseInt(text.get());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return Optional.of(limit);
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    HttpAnswers.error(
        response,
        400,
        "limit: must be a whole number from 1 to " + MAX_LIMIT + "; got '" + text.get() + "'");
    return Optional.empty();
  }
}
