package dev.convergence.core.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Puts the tenant and run a piece of work is for into the logging context, as the labels every log
 * line carries ({@code tenant_id}, {@code run_id}); closing restores what was there before.
 *
 * <pre>{@code
 * try (var context = LogContext.forRun(tenantId, runId)) {
 *   log.info("admitted");
 * }
 * }</pre>
 */
public final class LogContext implements AutoCloseable {

  public static final String TENANT_ID = "tenant_id";
  public static final String RUN_ID = "run_id";
  public static final String STAGE = "stage";

  private final Map<String, String> previous = new LinkedHashMap<>();

  private LogContext(Map<String, String> labels) {
    labels.forEach(
        (key, value) -> {
          previous.put(key, MDC.get(key));
          if (value == null) {
            MDC.remove(key);
          } else {
            MDC.put(key, value);
          }
        });
  }

  public static LogContext forRun(String tenantId, String runId) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(TENANT_ID, tenantId);
    labels.put(RUN_ID, runId);
    return new LogContext(labels);
  }

  public static LogContext forTenant(String tenantId) {
    return new LogContext(Map.of(TENANT_ID, tenantId));
  }

  public static LogContext forStage(String stage) {
    return new LogContext(Map.of(STAGE, stage));
  }

  @Override
  public void close() {
    previous.forEach(
        (key, value) -> {
          if (value == null) {
            MDC.remove(key);
          } else {
            MDC.put(key, value);
          }
        });
  }
}
