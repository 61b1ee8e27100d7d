package dev.convergence.workflows;

import dev.convergence.workflows.expr.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error as Workflows raises it: a value (usually a map with {@code message}, {@code tags} and,
 * for HTTP errors, {@code code} and {@code body}) that {@code except: as: e} binds and retry
 * predicates inspect. Call handlers throw it so that the file's retry predicate sees what it would
 * see in the cloud; the expression evaluator throws it for type, key and index errors; a {@code
 * raise} step throws it with the raised value.
 */
public final class WorkflowError extends RuntimeException {

  private final transient Object value;

  private WorkflowError(Object value, Throwable cause) {
    super(Values.display(value), cause);
    this.value = value;
  }

  /** What a {@code raise} step raises: a string or a map, as written. */
  public static WorkflowError raised(Object value) {
    return new WorkflowError(Values.normalize(value), null);
  }

  /** {@code {"message": message, "tags": [tag]}}, e.g. {@code TypeError} or {@code KeyError}. */
  public static WorkflowError tagged(String tag, String message) {
    return tagged(List.of(tag), message, null);
  }

  /** {@code {"message": message, "tags": tags}}, keeping {@code cause} for the Java stack trace. */
  public static WorkflowError tagged(List<String> tags, String message, Throwable cause) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("message", message);
    value.put("tags", new ArrayList<Object>(tags));
    return new WorkflowError(value, cause);
  }

  /**
   * An {@code HttpError}, as {@code http.*} calls and connectors raise for a status of 400 or more:
   * {@code {"code", "message", "headers", "body", "tags": ["HttpError"]}}.
   */
  public static WorkflowError http(int code, String message, Object body) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("code", (long) code);
    value.put("message", message);
    value.put("headers", new LinkedHashMap<String, Object>());
    value.put("body", Values.normalize(body));
    value.put("tags", new ArrayList<Object>(List.of("HttpError")));
    return new WorkflowError(value, null);
  }

  /**
   * An {@code OperationError}: a long-running operation, such as a Cloud Run job execution, that
   * finished unsuccessfully. {@code operation} is what the operation reported.
   */
  public static WorkflowError operation(String message, Map<String, ?> operation) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("message", message);
    value.put("operation", Values.normalize(operation));
    value.put("tags", new ArrayList<Object>(List.of("OperationError")));
    return new WorkflowError(value, null);
  }

  /** The raised value: a map, a string, or any value a {@code raise} step gave. */
  public Object value() {
    return Values.deepCopy(value);
  }
}
