package dev.convergence.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds references inside the {@code ${...}} expressions of parsed HCL strings. */
final class References {

  static final Pattern VARIABLE = Pattern.compile("(?<![\\w.])var\\.([A-Za-z_][\\w-]*)");
  static final Pattern LOCAL = Pattern.compile("(?<![\\w.])local\\.([A-Za-z_][\\w-]*)");
  static final Pattern MODULE =
      Pattern.compile("(?<![\\w.])module\\.([A-Za-z_][\\w-]*)(?:\\.([A-Za-z_][\\w-]*))?");
  static final Pattern DATA =
      Pattern.compile("(?<![\\w.])data\\.([a-z][a-z0-9_]*)\\.([A-Za-z_][\\w-]*)");
  static final Pattern RESOURCE =
      Pattern.compile(
          "(?<![\\w.])((?:google|random|time|archive)_[a-z0-9_]+)\\.([A-Za-z_][\\w-]*)");

  private References() {}

  /** The expression texts of a string: what lies between each {@code ${} and its brace. */
  static List<String> expressions(String text) {
    List<String> found = new ArrayList<>();
    int start = text.indexOf("${");
    while (start >= 0) {
      if (start > 0 && text.charAt(start - 1) == '$') { // $${ is an escaped literal
        start = text.indexOf("${", start + 2);
        continue;
      }
      int depth = 0;
      int end = start + 1;
      for (; end < text.length(); end++) {
        char c = text.charAt(end);
        if (c == '{') {
          depth++;
        } else if (c == '}' && --depth == 0) {
          break;
        }
      }
      found.add(text.substring(start + 2, Math.min(end, text.length())));
      start = text.indexOf("${", end);
    }
    return found;
  }

  /** Each match of the pattern in the expressions of the text, as its groups joined by '.'. */
  static List<String> find(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    for (String expression : expressions(text)) {
      Matcher m = pattern.matcher(expression);
      while (m.find()) {
        StringBuilder reference = new StringBuilder(m.group(1));
        for (int g = 2; g <= m.groupCount(); g++) {
          if (m.group(g) != null) {
            reference.append('.').append(m.group(g));
          }
        }
        found.add(reference.toString());
      }
    }
    return found;
  }
}
