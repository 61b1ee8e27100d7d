package dev.convergence.focus;

import java.util.List;

/**
 * The file's header lacks columns the layout requires: the whole file is the wrong layout (or
 * truncated), so nothing in it is converted. The message names every missing column.
 */
public final class MissingColumnsException extends java.io.IOException {

  private final List<String> missing;

  public MissingColumnsException(String sourceFile, String layout, List<String> missing) {
    super(
        sourceFile
            + ": header does not match the "
            + layout
            + " layout; missing required column"
            + (missing.size() == 1 ? " " : "s ")
            + String.join(", ", missing));
    this.missing = List.copyOf(missing);
  }

  public List<String> missing() {
    return missing;
  }
}
