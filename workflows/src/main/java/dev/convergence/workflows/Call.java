package dev.convergence.workflows;

import dev.convergence.workflows.expr.Values;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call a {@link CallHandler} serves.
 *
 * @param function the call's name as written, e.g. {@code http.post}
 * @param step the step making it, as {@code <subworkflow>.<step>}
 * @param args the evaluated {@code args}, in written order
 */
public record Call(String function, String step, Map<String, Object> args) {

  public Call {
    args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
  }

  /** The argument {@code name}, or a {@code KeyError} as Workflows raises for a missing one. */
  public Object arg(String name) {
    if (!args.containsKey(name)) {
      throw WorkflowError.tagged(
          "KeyError", function + " (step " + step + "): missing argument '" + name + "'");
    }
    return Values.deepCopy(args.get(name));
  }
}
