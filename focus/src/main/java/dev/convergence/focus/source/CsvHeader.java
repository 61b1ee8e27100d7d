package dev.convergence.focus.source;

import dev.convergence.focus.MissingColumnsException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV header: resolves columns to positions once per file, by name, ignoring case (Azure EA and
 * MCA spell the same columns in different cases). Extra columns are simply never asked for.
 */
public final class CsvHeader {

  private final List<String> names;
  private final Map<String, Integer> positions = new HashMap<>();

  public CsvHeader(List<String> names) {
    this.names = List.copyOf(names);
    for (int i = 0; i < names.size(); i++) {
      positions.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
    }
  }

  public List<String> names() {
    return names;
  }

  public int size() {
    return names.size();
  }

  /** The position of the first of these spellings present, or -1 if none is. */
  public int index(String... spellings) {
    for (String spelling : spellings) {
      Integer position = positions.get(spelling.toLowerCase(Locale.ROOT));
      if (position != null) {
        return position;
      }
    }
    return -1;
  }

  /**
   * Checks the required columns, each given as its accepted spellings (first is the name shown),
   * and throws naming every one that is missing.
   */
  public void require(String sourceFile, String layout, List<String[]> required)
      throws MissingColumnsException {
    List<String> missing = new ArrayList<>();
    for (String[] spellings : required) {
      if (index(spellings) < 0) {
        missing.add(spellings[0]);
      }
    }
    if (!missing.isEmpty()) {
      throw new MissingColumnsException(sourceFile, layout, missing);
    }
  }
}
