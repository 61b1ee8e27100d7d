package dev.convergence.core.config;

/** One thing wrong in a configuration file, where it is and what to do about it. */
public record ConfigProblem(String file, int line, int column, String message) {

  /** A problem with the file as a whole, or one Jackson could not place. */
  public static ConfigProblem inFile(String file, String message) {
    return new ConfigProblem(file, 0, 0, message);
  }

  @Override
  public String toString() {
    if (line <= 0) {
      return file + ": " + message;
    }
    return file + ":" + line + ":" + column + ": " + message;
  }
}
