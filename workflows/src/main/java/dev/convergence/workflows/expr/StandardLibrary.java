package dev.convergence.workflows.expr;

import dev.convergence.workflows.WorkflowError;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The standard-library functions expressions may call: the ones {@code pipeline-run.yaml} uses and
 * their close relatives, each with the argument checks Workflows makes. A function not listed in
 * {@link #FUNCTIONS} is refused when the file is loaded, so a file never reaches a step that the
 * executor would evaluate differently from the cloud.
 */
public final class StandardLibrary {

  /** What an expression function does with its evaluated arguments. */
  @FunctionalInterface
  private interface Function {
    Object apply(String name, List<Object> arguments);
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX");

  private final Map<String, String> environment;
  private final Clock clock;
  private final Map<String, Function> functions = new TreeMap<>();

  /** The functions' names, with their module: {@code default}, {@code map.get}, .... */
  public static final Set<String> FUNCTIONS =
      new StandardLibrary(Map.of(), Clock.systemUTC()).names();

  /**
   * @param environment what {@code sys.get_env} reads: the built-in {@code GOOGLE_CLOUD_*}
   *     variables and the user environment variables
   * @param clock what {@code sys.now} reads
   */
  public StandardLibrary(Map<String, String> environment, Clock clock) {
    this.environment = Map.copyOf(environment);
    this.clock = clock;
    functions.put("default", (n, a) -> arity(n, a, 2, 2).get(0) == null ? a.get(1) : a.get(0));
    functions.put("len", StandardLibrary::len);
    functions.put("keys", (n, a) -> new ArrayList<Object>(map(n, arity(n, a, 1, 1), 0).keySet()));
    functions.put("get_type", (n, a) -> Values.typeName(arity(n, a, 1, 1).get(0)));
    functions.put("int", StandardLibrary::toInt);
    functions.put("double", StandardLibrary::toDouble);
    functions.put("string", StandardLibrary::toText);
    functions.put("map.get", StandardLibrary::mapGet);
    functions.put("list.concat", StandardLibrary::listConcat);
    functions.put("text.split", StandardLibrary::split);
    functions.put("text.substring", StandardLibrary::substring);
    functions.put(
        "text.replace_all",
        (n, a) -> string(n, arity(n, a, 3, 3), 0).replace(string(n, a, 1), string(n, a, 2)));
    functions.put("text.to_lower", (n, a) -> string(n, arity(n, a, 1, 1), 0).toLowerCase());
    functions.put("text.to_upper", (n, a) -> string(n, arity(n, a, 1, 1), 0).toUpperCase());
    functions.put("json.encode_to_string", (n, a) -> Values.display(arity(n, a, 1, 1).get(0)));
    functions.put("sys.now", (n, a) -> now(arity(n, a, 0, 0)));
    functions.put("sys.get_env", this::getEnv);
    functions.put("time.format", StandardLibrary::formatTime);
  }

  private Set<String> names() {
    return Set.copyOf(functions.keySet());
  }

  /**
   * Calls {@code function}; an unknown name is a {@code KeyError} (the loader refuses it first).
   */
  public Object call(String function, List<Object> arguments) {
    Function f = functions.get(function);
    if (f == null) {
      throw WorkflowError.tagged("KeyError", "function " + function + " is not supported");
    }
    return f.apply(function, arguments);
  }

  private static List<Object> arity(String name, List<Object> arguments, int min, int max) {
    if (arguments.size() < min || arguments.size() > max) {
      String expected =
          min == max
              ? min + " argument" + (min == 1 ? "" : "s")
              : min + " to " + max + " arguments";
      throw WorkflowError.tagged(
          "TypeError", name + ": takes " + expected + ", got " + arguments.size());
    }
    return arguments;
  }

  private static WorkflowError wrongType(String name, int index, String expected, Object value) {
    return WorkflowError.tagged(
        "TypeError",
        name
            + ": argument "
            + (index + 1)
            + " must be "
            + expected
            + ", not "
            + Values.typeName(value));
  }

  private static String string(String name, List<Object> arguments, int index) {
    if (arguments.get(index) instanceof String s) {
      return s;
    }
    throw wrongType(name, index, "a string", arguments.get(index));
  }

  private static long integer(String name, List<Object> arguments, int index) {
    if (arguments.get(index) instanceof Long l) {
      return l;
    }
    throw wrongType(name, index, "an integer", arguments.get(index));
  }

  private static double number(String name, List<Object> arguments, int index) {
    if (arguments.get(index) instanceof Number n) {
      return n.doubleValue();
    }
    throw wrongType(name, index, "a number", arguments.get(index));
  }

  private static Map<?, ?> map(String name, List<Object> arguments, int index) {
    if (arguments.get(index) instanceof Map<?, ?> m) {
      return m;
    }
    throw wrongType(name, index, "a map", arguments.get(index));
  }

  private static Object len(String name, List<Object> arguments) {
    Object value = arity(name, arguments, 1, 1).get(0);
    if (value instanceof String s) {
      return (long) s.codePointCount(0, s.length());
    }
    if (value instanceof List<?> l) {
      return (long) l.size();
    }
    if (value instanceof Map<?, ?> m) {
      return (long) m.size();
    }
    throw wrongType(name, 0, "a string, a list or a map", value);
  }

  private static Object toInt(String name, List<Object> arguments) {
    Object value = arity(name, arguments, 1, 1).get(0);
    if (value instanceof Long) {
      return value;
    }
    if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite() || Math.abs(d) >= 0x1p63) {
        throw WorkflowError.tagged("ValueError", name + ": " + d + " is not a 64-bit integer");
      }
      return (long) d.doubleValue();
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s.strip());
      } catch (NumberFormatException e) {
        throw WorkflowError.tagged("ValueError", name + ": '" + s + "' is not an integer");
      }
    }
    throw wrongType(name, 0, "a number or a string", value);
  }

  private static Object toDouble(String name, List<Object> arguments) {
    Object value = arity(name, arguments, 1, 1).get(0);
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      try {
        return Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        throw WorkflowError.tagged("ValueError", name + ": '" + s + "' is not a number");
      }
    }
    throw wrongType(name, 0, "a number or a string", value);
  }

  private static Object toText(String name, List<Object> arguments) {
    Object value = arity(name, arguments, 1, 1).get(0);
    if (value instanceof String || value instanceof Long || value instanceof Boolean) {
      return String.valueOf(value);
    }
    if (value instanceof Double d) {
      return Double.toString(d);
    }
    throw wrongType(name, 0, "a string, a number or a boolean", value);
  }

  /** {@code map.get(m, key)} or {@code map.get(m, [k1, k2])}: null where a key is missing. */
  private static Object mapGet(String name, List<Object> arguments) {
    Map<?, ?> map = map(name, arity(name, arguments, 2, 2), 0);
    Object keys = arguments.get(1);
    List<?> path;
    if (keys instanceof String key) {
      path = List.of(key);
    } else if (keys instanceof List<?> list && list.stream().allMatch(k -> k instanceof String)) {
      path = list;
    } else {
      throw wrongType(name, 1, "a string or a list of strings", keys);
    }
    Object value = map;
    for (Object key : path) {
      if (!(value instanceof Map<?, ?> m)) {
        return null;
      }
      value = m.get(key);
    }
    return value;
  }

  private static Object listConcat(String name, List<Object> arguments) {
    if (!(arity(name, arguments, 2, 2).get(0) instanceof List<?> list)) {
      throw wrongType(name, 0, "a list", arguments.get(0));
    }
    List<Object> joined = new ArrayList<>(list);
    joined.add(arguments.get(1));
    return joined;
  }

  private static Object split(String name, List<Object> arguments) {
    String text = string(name, arity(name, arguments, 2, 2), 0);
    String separator = string(name, arguments, 1);
    if (separator.isEmpty()) {
      throw WorkflowError.tagged("ValueError", name + ": the separator is empty");
    }
    return new ArrayList<Object>(Arrays.asList(text.split(Pattern.quote(separator), -1)));
  }

  /** Characters {@code start} (inclusive) to {@code end} (exclusive), clamped to the string. */
  private static Object substring(String name, List<Object> arguments) {
    String text = string(name, arity(name, arguments, 3, 3), 0);
    long start = Math.max(0, Math.min(integer(name, arguments, 1), text.length()));
    long end = Math.max(start, Math.min(integer(name, arguments, 2), text.length()));
    return text.substring((int) start, (int) end);
  }

  private Object now(List<Object> arguments) {
    Instant now = clock.instant();
    return now.getEpochSecond() + now.getNano() / 1e9;
  }

  private Object getEnv(String name, List<Object> arguments) {
    String variable = string(name, arity(name, arguments, 1, 2), 0);
    Object fallback = null;
    if (arguments.size() == 2) {
      fallback = string(name, arguments, 1);
    }
    String value = environment.get(variable);
    return value != null ? value : fallback;
  }

  /** Seconds since the epoch as RFC 3339 with microseconds, in UTC or the named time zone. */
  private static Object formatTime(String name, List<Object> arguments) {
    double seconds = number(name, arity(name, arguments, 1, 2), 0);
    ZoneId zone = ZoneOffset.UTC;
    if (arguments.size() == 2) {
      String id = string(name, arguments, 1);
      try {
        zone = ZoneId.of(id);
      } catch (DateTimeException e) {
        throw WorkflowError.tagged("ValueError", name + ": unknown time zone '" + id + "'");
      }
    }
    long whole = (long) Math.floor(seconds);
    long micros = Math.round((seconds - whole) * 1e6);
    Instant instant = Instant.ofEpochSecond(whole).plusNanos(micros * 1000);
    return TIME.format(instant.atZone(zone));
  }
}
