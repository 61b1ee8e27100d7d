package dev.convergence.workflows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.convergence.workflows.expr.Expression;
import dev.convergence.workflows.expr.ExpressionParser;
import dev.convergence.workflows.expr.ExpressionSyntaxException;
import dev.convergence.workflows.model.Step;
import dev.convergence.workflows.model.Subworkflow;
import dev.convergence.workflows.model.Template;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a workflow file into the model, refusing at once what the executor would not run the way
 * the cloud does: unknown keys, unsupported constructs, expressions that do not parse. The checks
 * that need the whole file (jump targets, subworkflow arguments, functions) run in {@link
 * WorkflowChecks}.
 */
final class WorkflowLoader {

  /** The step keys the executor runs. */
  static final Set<String> STEP_KEYS =
      Set.of(
          "assign", "call", "args", "result", "switch", "next", "try", "retry", "except", "raise",
          "return", "steps");

  /** Step keys Workflows has and this executor does not. */
  private static final Set<String> UNSUPPORTED_STEP_KEYS = Set.of("for", "parallel");

  private static final Set<String> CONDITION_KEYS =
      Set.of("condition", "assign", "steps", "return", "raise", "next");

  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private final String source;

  private WorkflowLoader(String source) {
    this.source = source;
  }

  static WorkflowDefinition load(String source, String yaml) {
    return new WorkflowLoader(source).definition(yaml);
  }

  private WorkflowDefinition definition(String yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new InvalidWorkflowException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
    Map<String, Subworkflow> subworkflows = new LinkedHashMap<>();
    if (root != null && root.isArray()) {
      subworkflows.put("main", new Subworkflow("main", List.of(), steps("main", root)));
    } else if (root != null && root.isObject()) {
      if (!root.has("main")) {
        throw new InvalidWorkflowException(source + ": has no 'main' workflow");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        subworkflows.put(entry.getKey(), subworkflow(entry.getKey(), entry.getValue()));
      }
    } else {
      throw new InvalidWorkflowException(
          source + ": must be a map of subworkflows with 'main', or a list of steps");
    }
    WorkflowDefinition definition = new WorkflowDefinition(source, subworkflows);
    new WorkflowChecks(definition).run();
    return definition;
  }

  private Subworkflow subworkflow(String name, JsonNode node) {
    if (!node.isObject()) {
      throw invalid(name, "a subworkflow must be a map with 'params' and 'steps'");
    }
    for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!key.equals("params") && !key.equals("steps")) {
        throw invalid(name, "unknown key '" + key + "'; a subworkflow has params and steps");
      }
    }
    if (!node.has("steps")) {
      throw invalid(name, "has no steps");
    }
    List<Subworkflow.Param> params = new ArrayList<>();
    JsonNode paramsNode = node.path("params");
    if (!paramsNode.isMissingNode()) {
      if (!paramsNode.isArray()) {
        throw invalid(name, "params must be a list");
      }
      for (JsonNode param : paramsNode) {
        if (param.isTextual()) {
          params.add(new Subworkflow.Param(param.textValue(), Optional.empty()));
        } else if (param.isObject() && param.size() == 1) {
          Map.Entry<String, JsonNode> entry = param.fields().next();
          params.add(
              new Subworkflow.Param(entry.getKey(), Optional.of(template(name, entry.getValue()))));
        } else {
          throw invalid(name, "a parameter is a name, or a map of one name to its default");
        }
      }
    }
    if (name.equals("main") && params.size() > 1) {
      throw invalid(name, "main takes at most one parameter, the execution argument");
    }
    return new Subworkflow(name, params, steps(name, node.get("steps")));
  }

  private List<Step> steps(String subworkflow, JsonNode node) {
    if (!node.isArray() || node.isEmpty()) {
      throw invalid(subworkflow, "steps must be a non-empty list");
    }
    List<Step> steps = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isObject() || item.size() != 1) {
        throw invalid(subworkflow, "each step is a map of one step name to its body; got " + item);
      }
      Map.Entry<String, JsonNode> entry = item.fields().next();
      steps.add(step(subworkflow, entry.getKey(), entry.getValue()));
    }
    return steps;
  }

  private Step step(String subworkflow, String name, JsonNode body) {
    String path = subworkflow + "." + name;
    if (!body.isObject()) {
      throw invalid(path, "the step body must be a map");
    }
    List<String> keys = new ArrayList<>();
    body.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      if (UNSUPPORTED_STEP_KEYS.contains(key)) {
        throw new UnsupportedConstructException(source, path, "'" + key + "'", "");
      }
      if (!STEP_KEYS.contains(key)) {
        throw invalid(path, "unknown key '" + key + "'");
      }
    }
    Optional<String> next = text(path, body, "next");
    List<String> kinds =
        keys.stream()
            .filter(
                k ->
                    Set.of("assign", "call", "switch", "try", "steps", "raise", "return")
                        .contains(k))
            .toList();
    if (kinds.size() > 1) {
      throw invalid(path, "a step does one thing; this one has " + String.join(" and ", kinds));
    }
    String kind = kinds.isEmpty() ? "next" : kinds.get(0);
    allowOnly(path, keys, kind);
    return switch (kind) {
      case "assign" -> new Step.Assign(name, assignments(path, body.get("assign")), next);
      case "call" -> call(subworkflow, name, body, next);
      case "switch" ->
          new Step.Switch(name, conditions(subworkflow, path, body.get("switch")), next);
      case "try" -> tryStep(subworkflow, name, body, next);
      case "steps" -> new Step.Block(name, steps(subworkflow, body.get("steps")), next);
      case "raise" -> new Step.Raise(name, template(path, body.get("raise")));
      case "return" -> new Step.Return(name, template(path, body.get("return")));
      default -> {
        if (next.isEmpty()) {
          throw invalid(path, "an empty step");
        }
        yield new Step.Jump(name, next);
      }
    };
  }

  private void allowOnly(String path, List<String> keys, String kind) {
    Set<String> allowed =
        switch (kind) {
          case "assign", "switch", "steps" -> Set.of(kind, "next");
          case "call" -> Set.of("call", "args", "result", "next");
          case "try" -> Set.of("try", "retry", "except", "next");
          case "raise", "return" -> Set.of(kind);
          default -> Set.of("next");
        };
    for (String key : keys) {
      if (!allowed.contains(key)) {
        throw invalid(path, "'" + key + "' does not go with '" + kind + "'");
      }
    }
  }

  private Step.Call call(String subworkflow, String name, JsonNode body, Optional<String> next) {
    String path = subworkflow + "." + name;
    String function =
        text(path, body, "call").orElseThrow(() -> invalid(path, "call must name a function"));
    Map<String, Template> args = new LinkedHashMap<>();
    JsonNode argsNode = body.path("args");
    if (!argsNode.isMissingNode()) {
      if (!argsNode.isObject()) {
        throw invalid(path, "args must be a map");
      }
      argsNode.fields().forEachRemaining(e -> args.put(e.getKey(), template(path, e.getValue())));
    }
    return new Step.Call(name, function, args, text(path, body, "result"), next);
  }

  private Step.Try tryStep(String subworkflow, String name, JsonNode body, Optional<String> next) {
    String path = subworkflow + "." + name;
    JsonNode tryNode = body.get("try");
    List<Step> tried;
    if (tryNode.isObject() && tryNode.size() == 1 && tryNode.has("steps")) {
      tried = steps(subworkflow, tryNode.get("steps"));
    } else if (tryNode.isObject()) {
      // The single-step form: `try: {call: ..., args: ..., result: ...}`, a step of the same name.
      tried = List.of(step(subworkflow, name, tryNode));
    } else {
      throw invalid(path, "try holds a step, or steps");
    }
    Optional<Step.RetryPolicy> retry = Optional.empty();
    if (body.has("retry")) {
      retry = Optional.of(retry(path, body.get("retry")));
    }
    Optional<Step.ExceptClause> except = Optional.empty();
    if (body.has("except")) {
      JsonNode exceptNode = body.get("except");
      if (!exceptNode.isObject() || !exceptNode.has("steps")) {
        throw invalid(path, "except holds 'as' and 'steps'");
      }
      for (Iterator<String> keys = exceptNode.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (!key.equals("as") && !key.equals("steps")) {
          throw invalid(path, "unknown key '" + key + "' in except");
        }
      }
      except =
          Optional.of(
              new Step.ExceptClause(
                  text(path, exceptNode, "as"), steps(subworkflow, exceptNode.get("steps"))));
    }
    return new Step.Try(name, tried, retry, except, next);
  }

  private Step.RetryPolicy retry(String path, JsonNode node) {
    if (node.isTextual()) {
      throw new UnsupportedConstructException(
          source,
          path,
          "'retry: " + node.textValue() + "'",
          "write a retry block with a predicate subworkflow, max_retries and backoff");
    }
    if (!node.isObject()) {
      throw invalid(path, "retry must be a map");
    }
    for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!Set.of("predicate", "max_retries", "backoff").contains(key)) {
        throw invalid(path, "unknown key '" + key + "' in retry");
      }
    }
    String predicate =
        text(path, node, "predicate").orElseThrow(() -> invalid(path, "retry needs a predicate"));
    Expression expression = expressionOf(path, predicate);
    if (!(expression instanceof Expression.Variable subworkflow)) {
      throw new UnsupportedConstructException(
          source,
          path,
          "retry predicate " + predicate,
          "the predicate must name a subworkflow of this file, as ${name}");
    }
    JsonNode backoff = node.path("backoff");
    if (!node.path("max_retries").canConvertToLong() || !backoff.isObject()) {
      throw invalid(path, "retry needs max_retries and a backoff block");
    }
    return new Step.RetryPolicy(
        subworkflow.name(),
        node.get("max_retries").longValue(),
        seconds(path, backoff, "initial_delay"),
        seconds(path, backoff, "max_delay"),
        seconds(path, backoff, "multiplier"));
  }

  private double seconds(String path, JsonNode backoff, String key) {
    JsonNode value = backoff.path(key);
    if (!value.isNumber() || value.doubleValue() <= 0) {
      throw invalid(path, "backoff." + key + " must be a positive number");
    }
    return value.doubleValue();
  }

  private List<Step.Condition> conditions(String subworkflow, String path, JsonNode node) {
    if (!node.isArray() || node.isEmpty()) {
      throw invalid(path, "switch must be a non-empty list of conditions");
    }
    List<Step.Condition> conditions = new ArrayList<>();
    for (JsonNode c : node) {
      if (!c.isObject() || !c.has("condition")) {
        throw invalid(path, "each switch entry needs a condition");
      }
      for (Iterator<String> keys = c.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (CONDITION_KEYS.contains(key)) {
          continue;
        }
        if (STEP_KEYS.contains(key) || UNSUPPORTED_STEP_KEYS.contains(key)) {
          throw new UnsupportedConstructException(
              source,
              path,
              "'" + key + "' in a switch condition",
              "put it in the condition's steps");
        }
        throw invalid(path, "unknown key '" + key + "' in a switch condition");
      }
      if (c.has("return") && c.has("raise")) {
        throw invalid(path, "a condition cannot both return and raise");
      }
      conditions.add(
          new Step.Condition(
              template(path, c.get("condition")),
              c.has("assign") ? assignments(path, c.get("assign")) : List.of(),
              c.has("steps") ? steps(subworkflow, c.get("steps")) : List.of(),
              c.has("return") ? Optional.of(template(path, c.get("return"))) : Optional.empty(),
              c.has("raise") ? Optional.of(template(path, c.get("raise"))) : Optional.empty(),
              text(path, c, "next")));
    }
    return conditions;
  }

  private List<Step.Assignment> assignments(String path, JsonNode node) {
    if (!node.isArray() || node.isEmpty()) {
      throw invalid(path, "assign must be a non-empty list");
    }
    List<Step.Assignment> assignments = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isObject() || item.size() != 1) {
        throw invalid(path, "each assignment is a map of one target to its value");
      }
      Map.Entry<String, JsonNode> entry = item.fields().next();
      Expression target = expressionOf(path, entry.getKey());
      if (!isTarget(target)) {
        throw invalid(
            path,
            "cannot assign to '"
                + entry.getKey()
                + "': a target is a variable, or a key or index inside one");
      }
      assignments.add(
          new Step.Assignment(target, entry.getKey(), template(path, entry.getValue())));
    }
    return assignments;
  }

  private static boolean isTarget(Expression target) {
    if (target instanceof Expression.Variable) {
      return true;
    }
    if (target instanceof Expression.Member m) {
      return isTarget(m.target());
    }
    if (target instanceof Expression.Index i) {
      return isTarget(i.target());
    }
    return false;
  }

  private Template template(String path, JsonNode node) {
    if (node == null || node.isNull()) {
      return new Template.Constant(null);
    }
    if (node.isTextual()) {
      String text = node.textValue();
      if (text.startsWith("${") && text.endsWith("}")) {
        String inner = text.substring(2, text.length() - 1);
        return new Template.Expr(inner, expressionOf(path, text));
      }
      if (text.contains("${")) {
        throw new UnsupportedConstructException(
            source,
            path,
            "the string \"" + text + "\"",
            "Workflows evaluates ${...} only as a whole value: write ${\"...\" + x}");
      }
      return new Template.Constant(text);
    }
    if (node.isBoolean()) {
      return new Template.Constant(node.booleanValue());
    }
    if (node.isIntegralNumber()) {
      if (!node.canConvertToLong()) {
        throw invalid(path, "integer " + node + " is out of the 64-bit range");
      }
      return new Template.Constant(node.longValue());
    }
    if (node.isNumber()) {
      return new Template.Constant(node.doubleValue());
    }
    if (node.isArray()) {
      List<Template> items = new ArrayList<>();
      node.forEach(item -> items.add(template(path, item)));
      return new Template.ListOf(items);
    }
    if (node.isObject()) {
      Map<String, Template> entries = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (entry.getKey().contains("${")) {
          throw new UnsupportedConstructException(
              source, path, "the expression key '" + entry.getKey() + "'", "");
        }
        entries.put(entry.getKey(), template(path, entry.getValue()));
      }
      return new Template.MapOf(entries);
    }
    throw invalid(path, "cannot read the value " + node);
  }

  /** Parses {@code ${...}} or, for assignment targets, a bare path such as {@code a.b}. */
  private Expression expressionOf(String path, String text) {
    String inner =
        text.startsWith("${") && text.endsWith("}") ? text.substring(2, text.length() - 1) : text;
    try {
      return ExpressionParser.parse(inner);
    } catch (ExpressionSyntaxException e) {
      throw new InvalidWorkflowException(
          source + ": step '" + path + "': expression " + text + ": " + e.getMessage(), e);
    }
  }

  private Optional<String> text(String path, JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw invalid(path, key + " must be a string");
    }
    return Optional.of(value.textValue());
  }

  private InvalidWorkflowException invalid(String path, String detail) {
    return new InvalidWorkflowException(source + ": step '" + path + "': " + detail);
  }
}
