package dev.convergence.workflows.model;

import dev.convergence.workflows.expr.Expression;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a subworkflow, by kind. {@code next} is where control goes after the step when it
 * does not return or raise: a step name of the same subworkflow, {@code end}, or empty for the
 * following step.
 */
public sealed interface Step {

  String name();

  Optional<String> next();

  /** {@code assign}: variables set in order, each seeing the ones before. */
  record Assign(String name, List<Assignment> assignments, Optional<String> next) implements Step {
    public Assign {
      assignments = List.copyOf(assignments);
    }
  }

  /**
   * {@code call}: a subworkflow, {@code sys.log}, {@code sys.sleep}, or a connector or HTTP call
   * handled by a {@code CallHandler}; {@code result} names the variable that takes its value.
   */
  record Call(
      String name,
      String function,
      Map<String, Template> args,
      Optional<String> result,
      Optional<String> next)
      implements Step {
    public Call {
      args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }
  }

  /** {@code switch}: the first condition that holds runs; none holding goes on to {@code next}. */
  record Switch(String name, List<Condition> conditions, Optional<String> next) implements Step {
    public Switch {
      conditions = List.copyOf(conditions);
    }
  }

  /** {@code try} with an optional {@code retry} policy and an optional {@code except} block. */
  record Try(
      String name,
      List<Step> body,
      Optional<RetryPolicy> retry,
      Optional<ExceptClause> except,
      Optional<String> next)
      implements Step {
    public Try {
      body = List.copyOf(body);
    }
  }

  /** {@code steps}: a nested block of steps. */
  record Block(String name, List<Step> steps, Optional<String> next) implements Step {
    public Block {
      steps = List.copyOf(steps);
    }
  }

  /** {@code raise}: a string or a map, raised as the step's error. */
  record Raise(String name, Template value) implements Step {
    @Override
    public Optional<String> next() {
      return Optional.empty();
    }
  }

  /** {@code return}: ends the subworkflow with a value. */
  record Return(String name, Template value) implements Step {
    @Override
    public Optional<String> next() {
      return Optional.empty();
    }
  }

  /** A step with {@code next} alone: a jump. */
  record Jump(String name, Optional<String> next) implements Step {}

  /**
   * One {@code assign} entry. {@code target} is a variable, or a path into one ({@code
   * request.trigger}, {@code m["k"]}, {@code l[0]}), parsed as an expression.
   */
  record Assignment(Expression target, String targetText, Template value) {}

  /**
   * One {@code switch} condition and what it does when it holds, in this order: assign, run its
   * steps, return or raise, go to next.
   */
  record Condition(
      Template condition,
      List<Assignment> assign,
      List<Step> steps,
      Optional<Template> returns,
      Optional<Template> raises,
      Optional<String> next) {
    public Condition {
      assign = List.copyOf(assign);
      steps = List.copyOf(steps);
    }
  }

  /**
   * {@code retry}: {@code predicate} is the subworkflow that decides, given the error, whether to
   * try again; at most {@code maxRetries} retries, sleeping {@code initialDelay} seconds first and
   * multiplying the delay by {@code multiplier} up to {@code maxDelay}.
   */
  record RetryPolicy(
      String predicate, long maxRetries, double initialDelay, double maxDelay, double multiplier) {}

  /** {@code except}: {@code as} names the variable that holds the error, if any. */
  record ExceptClause(Optional<String> as, List<Step> steps) {
    public ExceptClause {
      steps = List.copyOf(steps);
    }
  }
}
