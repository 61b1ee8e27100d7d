package dev.convergence.workflows;

import dev.convergence.workflows.model.Step;
import dev.convergence.workflows.model.Subworkflow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A workflow file, loaded and checked: {@code main} and its subworkflows, in file order. Loading
 * refuses anything the local executor would not run as Cloud Workflows does, naming the step and
 * the construct, so that a file that loads here runs here.
 *
 * @param source the file's name, for messages
 */
public record WorkflowDefinition(String source, Map<String, Subworkflow> subworkflows) {

  /** Calls the executor itself makes; every other non-subworkflow call needs a handler. */
  public static final Set<String> BUILT_IN_CALLS = Set.of("sys.log", "sys.sleep");

  /** Where {@code pipeline-run.yaml} is on the class path (the build copies the deployed file). */
  public static final String PIPELINE_RUN_RESOURCE = "/dev/convergence/workflows/pipeline-run.yaml";

  public WorkflowDefinition {
    subworkflows = Collections.unmodifiableMap(new LinkedHashMap<>(subworkflows));
  }

  /**
   * Loads a workflow from its YAML text.
   *
   * @throws InvalidWorkflowException if it is not a valid workflow
   * @throws UnsupportedConstructException if it uses what the executor does not implement
   */
  public static WorkflowDefinition parse(String source, String yaml) {
    return WorkflowLoader.load(source, yaml);
  }

  /** Loads a workflow file; its file name names it in messages. */
  public static WorkflowDefinition load(Path file) {
    try {
      return parse(file.getFileName().toString(), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the workflow " + file, e);
    }
  }

  /** {@code pipeline-run.yaml}, exactly as Terraform deploys it. */
  public static WorkflowDefinition pipelineRun() {
    try (InputStream in = WorkflowDefinition.class.getResourceAsStream(PIPELINE_RUN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(PIPELINE_RUN_RESOURCE + " is not on the class path");
      }
      return parse("pipeline-run.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + PIPELINE_RUN_RESOURCE, e);
    }
  }

  public Subworkflow main() {
    return subworkflows.get("main");
  }

  public Optional<Subworkflow> subworkflow(String name) {
    return Optional.ofNullable(subworkflows.get(name));
  }

  /**
   * The calls a {@link CallHandler} must serve (not subworkflows, not {@link #BUILT_IN_CALLS}),
   * each with the steps that make it, as {@code <subworkflow>.<step>}.
   */
  public Map<String, List<String>> externalCalls() {
    Map<String, List<String>> calls = new TreeMap<>();
    for (Subworkflow subworkflow : subworkflows.values()) {
      collectCalls(subworkflow.name(), subworkflow.steps(), calls);
    }
    return calls;
  }

  private void collectCalls(String subworkflow, List<Step> steps, Map<String, List<String>> calls) {
    for (Step step : steps) {
      if (step instanceof Step.Call c
          && !subworkflows.containsKey(c.function())
          && !BUILT_IN_CALLS.contains(c.function())) {
        calls
            .computeIfAbsent(c.function(), k -> new ArrayList<>())
            .add(subworkflow + "." + c.name());
      } else if (step instanceof Step.Try t) {
        collectCalls(subworkflow, t.body(), calls);
        t.except().ifPresent(e -> collectCalls(subworkflow, e.steps(), calls));
      } else if (step instanceof Step.Block b) {
        collectCalls(subworkflow, b.steps(), calls);
      } else if (step instanceof Step.Switch s) {
        s.conditions().forEach(c -> collectCalls(subworkflow, c.steps(), calls));
      }
    }
  }
}
