package dev.convergence.workflows.exec;

import dev.convergence.workflows.expr.Scope;
import java.util.LinkedHashMap;
import java.util.Map;

/** The variables of one running subworkflow; each call gets its own. */
final class Frame implements Scope {

  private final String subworkflow;
  private final Map<String, Object> variables = new LinkedHashMap<>();

  Frame(String subworkflow) {
    this.subworkflow = subworkflow;
  }

  String subworkflow() {
    return subworkflow;
  }

  @Override
  public boolean has(String name) {
    return variables.containsKey(name);
  }

  @Override
  public Object get(String name) {
    return variables.get(name);
  }

  void set(String name, Object value) {
    variables.put(name, value);
  }
}
