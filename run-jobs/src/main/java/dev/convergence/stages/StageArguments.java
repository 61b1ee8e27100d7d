package dev.convergence.stages;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * A stage's command line from an environment: for every option of {@link StageOptions} whose
 * default is an environment variable ({@code ${env:NAME}}), the option and the variable's value.
 * Running a stage in a JVM whose real environment cannot be set (the local pipeline runs every
 * stage in one process) passes what a Cloud Run job's environment would hold as arguments, and the
 * option table stays the one place that pairs names.
 */
public final class StageArguments {

  private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Z0-9_]+)}");

  private StageArguments() {}

  public static List<String> fromEnvironment(Map<String, String> environment) {
    List<String> args = new ArrayList<>();
    for (Field field : StageOptions.class.getDeclaredFields()) {
      Option option = field.getAnnotation(Option.class);
      if (option == null) {
        continue;
      }
      Matcher m = ENV.matcher(option.defaultValue());
      if (m.matches() && environment.get(m.group(1)) != null) {
        args.add(option.names()[0]);
        args.add(environment.get(m.group(1)));
      }
    }
    return args;
  }
}
