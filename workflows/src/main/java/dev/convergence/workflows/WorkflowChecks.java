package dev.convergence.workflows;

import dev.convergence.workflows.expr.Expression;
import dev.convergence.workflows.expr.StandardLibrary;
import dev.convergence.workflows.model.Step;
import dev.convergence.workflows.model.Subworkflow;
import dev.convergence.workflows.model.Template;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks that need the whole file: unique step names, jump targets that exist where a jump can
 * reach them, calls to subworkflows with the parameters they declare, retry predicates that are
 * one-parameter subworkflows, and expressions that call only functions the executor has.
 */
final class WorkflowChecks {

  private final WorkflowDefinition definition;

  WorkflowChecks(WorkflowDefinition definition) {
    this.definition = definition;
  }

  void run() {
    for (Subworkflow subworkflow : definition.subworkflows().values()) {
      Set<String> names = new HashSet<>();
      collectNames(subworkflow.name(), subworkflow.steps(), names);
      for (Subworkflow.Param param : subworkflow.params()) {
        param.defaultValue().ifPresent(t -> checkTemplate(subworkflow.name(), t));
      }
      checkBlock(subworkflow.name(), subworkflow.steps(), new ArrayDeque<>());
    }
  }

  private void collectNames(String subworkflow, List<Step> steps, Set<String> names) {
    for (Step step : steps) {
      if (!names.add(step.name())) {
        throw new InvalidWorkflowException(
            definition.source()
                + ": step '"
                + subworkflow
                + "."
                + step.name()
                + "': the name is used twice in "
                + subworkflow);
      }
      for (List<Step> inner : children(step)) {
        collectNames(subworkflow, inner, names);
      }
    }
  }

  /** The blocks nested in a step; a single-step try shares its step's name and is left out. */
  private static List<List<Step>> children(Step step) {
    if (step instanceof Step.Try t) {
      List<Step> body =
          t.body().size() == 1 && t.body().get(0).name().equals(t.name()) ? List.of() : t.body();
      return t.except().map(e -> List.of(body, e.steps())).orElse(List.of(body));
    }
    if (step instanceof Step.Block b) {
      return List.of(b.steps());
    }
    if (step instanceof Step.Switch s) {
      return s.conditions().stream().map(Step.Condition::steps).toList();
    }
    return List.of();
  }

  private void checkBlock(String subworkflow, List<Step> steps, Deque<Set<String>> enclosing) {
    enclosing.push(steps.stream().map(Step::name).collect(Collectors.toSet()));
    for (Step step : steps) {
      String path = subworkflow + "." + step.name();
      checkJump(path, step.next(), enclosing);
      if (step instanceof Step.Assign a) {
        a.assignments().forEach(x -> checkAssignment(path, x));
      } else if (step instanceof Step.Call c) {
        c.args().values().forEach(t -> checkTemplate(path, t));
        checkCall(path, c);
      } else if (step instanceof Step.Switch s) {
        for (Step.Condition condition : s.conditions()) {
          checkTemplate(path, condition.condition());
          condition.assign().forEach(x -> checkAssignment(path, x));
          condition.returns().ifPresent(t -> checkTemplate(path, t));
          condition.raises().ifPresent(t -> checkTemplate(path, t));
          checkJump(path, condition.next(), enclosing);
          if (!condition.steps().isEmpty()) {
            checkBlock(subworkflow, condition.steps(), enclosing);
          }
        }
      } else if (step instanceof Step.Try t) {
        checkBlock(subworkflow, t.body(), enclosing);
        t.retry().ifPresent(r -> checkPredicate(path, r));
        t.except().ifPresent(e -> checkBlock(subworkflow, e.steps(), enclosing));
      } else if (step instanceof Step.Block b) {
        checkBlock(subworkflow, b.steps(), enclosing);
      } else if (step instanceof Step.Raise r) {
        checkTemplate(path, r.value());
      } else if (step instanceof Step.Return r) {
        checkTemplate(path, r.value());
      }
    }
    enclosing.pop();
  }

  private void checkJump(String path, Optional<String> next, Deque<Set<String>> enclosing) {
    if (next.isEmpty() || next.get().equals("end")) {
      return;
    }
    String target = next.get();
    if (target.equals("continue") || target.equals("break")) {
      throw new UnsupportedConstructException(
          definition.source(), path, "'next: " + target + "'", "it belongs to for loops");
    }
    if (enclosing.stream().noneMatch(names -> names.contains(target))) {
      throw new InvalidWorkflowException(
          definition.source()
              + ": step '"
              + path
              + "': next: "
              + target
              + " names no step in this block or around it");
    }
  }

  private void checkCall(String path, Step.Call call) {
    Optional<Subworkflow> callee = definition.subworkflow(call.function());
    if (callee.isEmpty()) {
      return;
    }
    Set<String> params =
        callee.get().params().stream().map(Subworkflow.Param::name).collect(Collectors.toSet());
    for (String arg : call.args().keySet()) {
      if (!params.contains(arg)) {
        throw new InvalidWorkflowException(
            definition.source()
                + ": step '"
                + path
                + "': "
                + call.function()
                + " has no parameter '"
                + arg
                + "'");
      }
    }
    for (Subworkflow.Param param : callee.get().params()) {
      if (param.defaultValue().isEmpty() && !call.args().containsKey(param.name())) {
        throw new InvalidWorkflowException(
            definition.source()
                + ": step '"
                + path
                + "': "
                + call.function()
                + " needs '"
                + param.name()
                + "'");
      }
    }
  }

  private void checkPredicate(String path, Step.RetryPolicy retry) {
    Optional<Subworkflow> predicate = definition.subworkflow(retry.predicate());
    if (predicate.isEmpty() || predicate.get().params().size() != 1) {
      throw new UnsupportedConstructException(
          definition.source(),
          path,
          "retry predicate ${" + retry.predicate() + "}",
          "the predicate must be a subworkflow of this file with one parameter, the error");
    }
  }

  private void checkAssignment(String path, Step.Assignment assignment) {
    checkExpression(path, assignment.target());
    checkTemplate(path, assignment.value());
  }

  private void checkTemplate(String path, Template template) {
    if (template instanceof Template.Expr e) {
      checkExpression(path, e.expression());
    } else if (template instanceof Template.MapOf m) {
      m.entries().values().forEach(t -> checkTemplate(path, t));
    } else if (template instanceof Template.ListOf l) {
      l.items().forEach(t -> checkTemplate(path, t));
    }
  }

  private void checkExpression(String path, Expression expression) {
    for (String function : expression.functions()) {
      if (!StandardLibrary.FUNCTIONS.contains(function)) {
        throw new UnsupportedConstructException(
            definition.source(), path, "function " + function, "");
      }
    }
  }
}
