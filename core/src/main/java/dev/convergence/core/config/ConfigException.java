package dev.convergence.core.config;

import java.util.List;
import java.util.stream.Collectors;

/** Configuration that cannot be used. Thrown at load, never at run time; lists every problem. */
public final class ConfigException extends RuntimeException {

  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public ConfigException(ConfigProblem problem) {
    this(List.of(problem));
  }

  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String describe(List<ConfigProblem> problems) {
    String noun = problems.size() == 1 ? "problem" : "problems";
    return "invalid configuration, "
        + problems.size()
        + " "
        + noun
        + ":\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
