package dev.convergence.workflows.model;

import java.util.List;
import java.util.Optional;

/** {@code main} or a named subworkflow: its parameters and steps. */
public record Subworkflow(String name, List<Param> params, List<Step> steps) {

  public Subworkflow {
    params = List.copyOf(params);
    steps = List.copyOf(steps);
  }

  /** A parameter; one written {@code - name: value} has that default. */
  public record Param(String name, Optional<Template> defaultValue) {}
}
