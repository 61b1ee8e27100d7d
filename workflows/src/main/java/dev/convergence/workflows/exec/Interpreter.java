package dev.convergence.workflows.exec;

import dev.convergence.workflows.Call;
import dev.convergence.workflows.CallHandler;
import dev.convergence.workflows.CallHandlers;
import dev.convergence.workflows.Sleeper;
import dev.convergence.workflows.WorkflowDefinition;
import dev.convergence.workflows.WorkflowError;
import dev.convergence.workflows.expr.Evaluator;
import dev.convergence.workflows.expr.Expression;
import dev.convergence.workflows.expr.Values;
import dev.convergence.workflows.model.Step;
import dev.convergence.workflows.model.Subworkflow;
import dev.convergence.workflows.model.Template;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Runs one execution of a loaded workflow: steps in order, {@code next} jumps, subworkflow calls
 * with their own variables, {@code try} with retries and {@code except}, {@code raise} and {@code
 * return}. Errors are {@link WorkflowError}s carrying the Workflows error value; control flow
 * ({@code next}, {@code return}, the end of a block) travels as a {@link Flow} result, so only
 * errors unwind the Java stack.
 */
public final class Interpreter {

  private static final Logger log = LoggerFactory.getLogger(Interpreter.class);

  private final WorkflowDefinition definition;
  private final CallHandlers handlers;
  private final Evaluator evaluator;
  private final Sleeper sleeper;
  private WorkflowError lastError;
  private String raisingStep;

  public Interpreter(
      WorkflowDefinition definition, CallHandlers handlers, Evaluator evaluator, Sleeper sleeper) {
    this.definition = definition;
    this.handlers = handlers;
    this.evaluator = evaluator;
    this.sleeper = sleeper;
  }

  /** Runs {@code main} with {@code argument}; returns what it returns. */
  public Object run(Object argument) {
    Subworkflow main = definition.main();
    Map<String, Object> args = new LinkedHashMap<>();
    if (!main.params().isEmpty()) {
      args.put(main.params().get(0).name(), Values.normalize(argument));
    }
    return callSubworkflow(main, args);
  }

  /** The step that raised the last error, as {@code <subworkflow>.<step>}. */
  public String raisingStep() {
    return raisingStep;
  }

  private Object callSubworkflow(Subworkflow subworkflow, Map<String, Object> args) {
    Frame frame = new Frame(subworkflow.name());
    for (Subworkflow.Param param : subworkflow.params()) {
      if (args.containsKey(param.name())) {
        frame.set(param.name(), Values.deepCopy(args.get(param.name())));
      } else if (param.defaultValue().isPresent()) {
        frame.set(param.name(), evaluate(param.defaultValue().get(), frame));
      } else if (subworkflow.name().equals("main")) {
        frame.set(param.name(), null);
      } else {
        throw WorkflowError.tagged(
            "TypeError", subworkflow.name() + ": missing argument '" + param.name() + "'");
      }
    }
    Flow flow = runSteps(subworkflow.steps(), frame);
    if (flow instanceof Flow.Returned r) {
      return r.value();
    }
    if (flow instanceof Flow.Goto g) {
      throw new IllegalStateException("jump to unknown step " + g.target() + " was not refused");
    }
    return null;
  }

  private Flow runSteps(List<Step> steps, Frame frame) {
    int at = 0;
    while (at < steps.size()) {
      Step step = steps.get(at);
      Flow flow = runStep(step, frame);
      if (flow == Flow.PROCEED) {
        flow = Flow.after(step.next());
      }
      if (flow == Flow.PROCEED) {
        at++;
        continue;
      }
      if (flow instanceof Flow.Goto g) {
        int target = indexOf(steps, g.target());
        if (target >= 0) {
          at = target;
          continue;
        }
      }
      return flow;
    }
    return Flow.PROCEED;
  }

  private static int indexOf(List<Step> steps, String name) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private Flow runStep(Step step, Frame frame) {
    String path = frame.subworkflow() + "." + step.name();
    if (step instanceof Step.Try t) {
      return runTry(t, frame);
    }
    if (step instanceof Step.Block b) {
      return runSteps(b.steps(), frame);
    }
    try {
      if (step instanceof Step.Assign a) {
        assign(a.assignments(), frame);
        return Flow.PROCEED;
      }
      if (step instanceof Step.Call c) {
        Object result = call(path, c, frame);
        c.result().ifPresent(name -> frame.set(name, result));
        return Flow.PROCEED;
      }
      if (step instanceof Step.Switch s) {
        return runSwitch(s, frame);
      }
      if (step instanceof Step.Raise r) {
        throw WorkflowError.raised(evaluate(r.value(), frame));
      }
      if (step instanceof Step.Return r) {
        return new Flow.Returned(evaluate(r.value(), frame));
      }
      return Flow.PROCEED;
    } catch (WorkflowError e) {
      // The innermost step that raised it; the same error passing through callers keeps it.
      if (e != lastError) {
        lastError = e;
        raisingStep = path;
      }
      throw e;
    }
  }

  private Flow runSwitch(Step.Switch step, Frame frame) {
    for (Step.Condition condition : step.conditions()) {
      Object holds = evaluate(condition.condition(), frame);
      if (!(holds instanceof Boolean b)) {
        throw WorkflowError.tagged(
            "TypeError", "a switch condition must be a boolean, not " + Values.typeName(holds));
      }
      if (!b) {
        continue;
      }
      assign(condition.assign(), frame);
      if (!condition.steps().isEmpty()) {
        Flow flow = runSteps(condition.steps(), frame);
        if (flow != Flow.PROCEED) {
          return flow;
        }
      }
      if (condition.returns().isPresent()) {
        return new Flow.Returned(evaluate(condition.returns().get(), frame));
      }
      if (condition.raises().isPresent()) {
        throw WorkflowError.raised(evaluate(condition.raises().get(), frame));
      }
      return Flow.after(condition.next());
    }
    return Flow.PROCEED;
  }

  private Flow runTry(Step.Try step, Frame frame) {
    long retries = 0;
    double delay = step.retry().map(Step.RetryPolicy::initialDelay).orElse(0.0);
    while (true) {
      try {
        return runSteps(step.body(), frame);
      } catch (WorkflowError e) {
        Optional<Step.RetryPolicy> retry = step.retry();
        if (retry.isPresent() && retries < retry.get().maxRetries() && retries(retry.get(), e)) {
          log.debug(
              "{}.{}: retry {} of {} in {}s after {}",
              frame.subworkflow(),
              step.name(),
              retries + 1,
              retry.get().maxRetries(),
              delay,
              e.getMessage());
          sleep(delay);
          delay = Math.min(delay * retry.get().multiplier(), retry.get().maxDelay());
          retries++;
          continue;
        }
        if (step.except().isEmpty()) {
          throw e;
        }
        Step.ExceptClause except = step.except().get();
        except.as().ifPresent(name -> frame.set(name, e.value()));
        return runSteps(except.steps(), frame);
      }
    }
  }

  private boolean retries(Step.RetryPolicy retry, WorkflowError error) {
    Subworkflow predicate = definition.subworkflow(retry.predicate()).orElseThrow();
    Map<String, Object> args = new LinkedHashMap<>();
    args.put(predicate.params().get(0).name(), error.value());
    Object answer = callSubworkflow(predicate, args);
    if (!(answer instanceof Boolean b)) {
      throw WorkflowError.tagged(
          "TypeError",
          "retry predicate "
              + retry.predicate()
              + " returned "
              + Values.typeName(answer)
              + ", not a boolean");
    }
    return b;
  }

  private Object call(String path, Step.Call step, Frame frame) {
    Map<String, Object> args = new LinkedHashMap<>();
    step.args().forEach((name, template) -> args.put(name, evaluate(template, frame)));
    Optional<Subworkflow> subworkflow = definition.subworkflow(step.function());
    if (subworkflow.isPresent()) {
      return callSubworkflow(subworkflow.get(), args);
    }
    switch (step.function()) {
      case "sys.log" -> {
        sysLog(path, args);
        return null;
      }
      case "sys.sleep" -> {
        if (!(args.get("seconds") instanceof Number seconds) || seconds.doubleValue() < 0) {
          throw WorkflowError.tagged("TypeError", "sys.sleep: seconds must be a number >= 0");
        }
        sleep(seconds.doubleValue());
        return null;
      }
      default -> {
        return external(path, step.function(), args);
      }
    }
  }

  private Object external(String path, String function, Map<String, Object> args) {
    CallHandler handler =
        handlers
            .handler(function)
            .orElseThrow(
                () -> new IllegalStateException("no handler for " + function + " at " + path));
    Object result;
    try {
      result = handler.call(new Call(function, path, args));
    } catch (WorkflowError e) {
      throw e;
    } catch (RuntimeException e) {
      throw WorkflowError.tagged(
          List.of("SystemError"), function + " failed in step " + path + ": " + e, e);
    }
    try {
      return Values.normalize(result);
    } catch (IllegalArgumentException e) {
      throw WorkflowError.tagged(
          List.of("SystemError"),
          function + " returned what a workflow cannot hold: " + e.getMessage(),
          e);
    }
  }

  private static void sysLog(String path, Map<String, Object> args) {
    Object text = args.containsKey("text") ? args.get("text") : args.get("data");
    String severity = String.valueOf(args.getOrDefault("severity", "DEFAULT"));
    Level level =
        switch (severity) {
          case "DEBUG" -> Level.DEBUG;
          case "WARNING" -> Level.WARN;
          case "ERROR", "CRITICAL", "ALERT", "EMERGENCY" -> Level.ERROR;
          default -> Level.INFO;
        };
    String message = text instanceof String s ? s : Values.display(text);
    log.atLevel(level).log("{}: {}", path, message);
  }

  private void sleep(double seconds) {
    try {
      sleeper.sleep(Duration.ofNanos(Math.round(seconds * 1e9)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      CancellationException cancelled = new CancellationException("the execution was interrupted");
      cancelled.initCause(e);
      throw cancelled;
    }
  }

  private void assign(List<Step.Assignment> assignments, Frame frame) {
    for (Step.Assignment assignment : assignments) {
      Object value = evaluate(assignment.value(), frame);
      Expression target = assignment.target();
      if (target instanceof Expression.Variable v) {
        frame.set(v.name(), value);
      } else {
        assignPath(target, value, frame);
      }
    }
  }

  /** {@code a.b["c"][0]: value}: changes the variable's own copy in place. */
  private void assignPath(Expression target, Object value, Frame frame) {
    List<Object> keys = new ArrayList<>();
    Expression root = target;
    while (!(root instanceof Expression.Variable)) {
      if (root instanceof Expression.Member m) {
        keys.add(0, m.name());
        root = m.target();
      } else {
        Expression.Index i = (Expression.Index) root;
        keys.add(0, evaluator.evaluate(i.index(), frame));
        root = i.target();
      }
    }
    String name = ((Expression.Variable) root).name();
    if (!frame.has(name)) {
      throw WorkflowError.tagged("KeyError", "variable '" + name + "' is not defined");
    }
    Object container = frame.get(name);
    for (int k = 0; k < keys.size(); k++) {
      Object key = keys.get(k);
      boolean last = k == keys.size() - 1;
      if (container instanceof Map<?, ?> map && key instanceof String field) {
        @SuppressWarnings("unchecked")
        Map<String, Object> writable = (Map<String, Object>) map;
        if (last) {
          writable.put(field, value);
        } else {
          container = writable.computeIfAbsent(field, f -> new LinkedHashMap<String, Object>());
        }
      } else if (container instanceof List<?> list && key instanceof Long index) {
        if (index < 0 || index >= list.size()) {
          throw WorkflowError.tagged(
              "IndexError", "list index " + index + " out of range for a list of " + list.size());
        }
        @SuppressWarnings("unchecked")
        List<Object> writable = (List<Object>) list;
        if (last) {
          writable.set(index.intValue(), value);
        } else {
          container = writable.get(index.intValue());
        }
      } else {
        throw WorkflowError.tagged(
            "TypeError", "cannot assign into " + Values.typeName(container) + " with key " + key);
      }
    }
  }

  /** A fresh value, never shared with another variable: Workflows assigns by value. */
  private Object evaluate(Template template, Frame frame) {
    if (template instanceof Template.Constant c) {
      return Values.deepCopy(c.value());
    }
    if (template instanceof Template.Expr e) {
      return Values.deepCopy(evaluator.evaluate(e.expression(), frame));
    }
    if (template instanceof Template.MapOf m) {
      Map<String, Object> map = new LinkedHashMap<>();
      m.entries().forEach((k, v) -> map.put(k, evaluate(v, frame)));
      return map;
    }
    List<Object> list = new ArrayList<>();
    ((Template.ListOf) template).items().forEach(item -> list.add(evaluate(item, frame)));
    return list;
  }
}
