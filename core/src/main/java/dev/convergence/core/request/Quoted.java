package dev.convergence.core.request;

/** Shows a sender's value in a message: quoted, escaped, and cut short if long. */
final class Quoted {

  private static final int MAX_SHOWN = 64;

  private Quoted() {}

  static String of(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    int shown = 0;
    for (int i = 0; i < value.length() && shown < MAX_SHOWN; i++, shown++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
    if (value.length() > MAX_SHOWN) {
      out.append("… (").append(value.length()).append(" characters)");
    }
    return out.toString();
  }
}
