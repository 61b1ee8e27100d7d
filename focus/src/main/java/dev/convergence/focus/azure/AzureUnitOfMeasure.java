package dev.convergence.focus.azure;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Azure {@code UnitOfMeasure} ({@code "10K Hours"}, {@code "1 GB/Month"}, {@code "10K"}) read as
 * a block size and a unit in FOCUS's UnitFormat. Azure prices and counts in blocks: a quantity of 3
 * in {@code "10K Hours"} is 30,000 hours, and the unit price is per 10,000 hours.
 *
 * <ul>
 *   <li>{@link #pricingUnit()} keeps the block as FOCUS's unit quantity ({@code "10000 Hours"}), so
 *       PricingQuantity stays Azure's quantity and unit price x PricingQuantity is still the cost;
 *       a block of 1 is dropped ({@code "1 Hour"} is {@code "Hours"}).
 *   <li>{@link #consumedQuantity(BigDecimal)} and {@link #unit()} give the quantity in the plain
 *       unit (3 x 10,000 = 30,000 {@code "Hours"}), exactly: the block is an integer.
 * </ul>
 *
 * <p>Units follow UnitFormat: data sizes as the allowed abbreviations ({@code GB}, {@code GiB}),
 * time units as capitalised names, plural in a simple unit ({@code Hours}) and singular after a
 * slash ({@code GB/Month}); two units make a compound ({@code "1 GB Hour"} is {@code GB-Hours}); a
 * block with no unit ({@code "10K"}) counts {@code Units}. Other words keep their spelling. A value
 * that does not read this way is kept as it is, with a block of 1.
 */
record AzureUnitOfMeasure(String source, BigDecimal blockSize, String unit) {

  /** A block (digits, optionally K, M or B for thousand, million, billion), then the unit. */
  private static final Pattern SHAPE =
      Pattern.compile("^(?:(\\d+)(?:([KkMmBb])(?=[\\s/]|$))?)?\\s*([^/]*?)\\s*(?:/\\s*(.*))?$");

  private static final Pattern DENOMINATOR = Pattern.compile("^(?:(\\d+)\\s+)?(\\S+)$");

  private static final Map<String, String> DATA_SIZES = dataSizes();

  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

  /** Time units: lower-case spelling -> {singular, plural}. */
  private static final Map<String, String[]> TIME_UNITS =
      names(
          new String[] {"Year", "Years", "yr", "yrs"},
          new String[] {"Month", "Months", "mo", "mos"},
          new String[] {"Day", "Days"},
          new String[] {"Hour", "Hours", "hr", "hrs"},
          new String[] {"Minute", "Minutes", "min", "mins"},
          new String[] {"Second", "Seconds", "sec", "secs"},
          new String[] {"Millisecond", "Milliseconds", "ms"},
          new String[] {"Microsecond", "Microseconds"});

  /** Count units, UnitFormat's recommended ones and Azure's common ones. */
  private static final Map<String, String[]> COUNT_UNITS =
      names(
          new String[] {"Count", "Counts"},
          new String[] {"Unit", "Units"},
          new String[] {"Request", "Requests"},
          new String[] {"Token", "Tokens"},
          new String[] {"Connection", "Connections"},
          new String[] {"Certificate", "Certificates"},
          new String[] {"Domain", "Domains"},
          new String[] {"Core", "Cores"},
          new String[] {"Transaction", "Transactions"},
          new String[] {"Operation", "Operations"},
          new String[] {"Message", "Messages"},
          new String[] {"Call", "Calls"},
          new String[] {"User", "Users"},
          new String[] {"License", "Licenses"});

  AzureUnitOfMeasure {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("source: is empty");
    }
    if (blockSize == null || blockSize.signum() <= 0) {
      throw new IllegalArgumentException("blockSize: must be positive, was " + blockSize);
    }
    if (unit == null || unit.isBlank()) {
      throw new IllegalArgumentException("unit: is empty");
    }
  }

  /** Reads a UnitOfMeasure; one that does not parse is its own unit, with a block of 1. */
  static AzureUnitOfMeasure parse(String source) {
    String text = source.strip();
    Matcher shape = SHAPE.matcher(text);
    if (!shape.matches()) {
      return new AzureUnitOfMeasure(source, BigDecimal.ONE, text);
    }
    BigDecimal block = block(shape.group(1), shape.group(2));
    String numerator = numerator(shape.group(3), shape.group(4) != null);
    String denominator = shape.group(4) == null ? "" : denominator(shape.group(4));
    if (numerator == null || denominator == null) {
      return new AzureUnitOfMeasure(source, BigDecimal.ONE, text);
    }
    return new AzureUnitOfMeasure(source, block, numerator + denominator);
  }

  /** The FOCUS PricingUnit: the unit, preceded by the block when it is more than 1. */
  String pricingUnit() {
    return blockSize.compareTo(BigDecimal.ONE) == 0 ? unit : blockSize.toPlainString() + " " + unit;
  }

  /** Azure's quantity (in blocks) as a quantity of {@link #unit()}. */
  BigDecimal consumedQuantity(BigDecimal quantity) {
    return quantity.multiply(blockSize);
  }

  private static BigDecimal block(String digits, String suffix) {
    if (digits == null) {
      return BigDecimal.ONE;
    }
    BigDecimal value = new BigDecimal(digits);
    if (suffix == null) {
      return value.signum() == 0 ? BigDecimal.ONE : value;
    }
    int exponent =
        switch (suffix.toUpperCase(Locale.ROOT)) {
          case "K" -> 3;
          case "M" -> 6;
          default -> 9;
        };
    return value.scaleByPowerOfTen(exponent).setScale(0);
  }

  /** One unit (plural) or two (a compound, singular-plural); none is a count of Units. */
  private static String numerator(String words, boolean ratio) {
    if (words.isEmpty()) {
      return "Units";
    }
    String[] parts = words.split("[\\s-]+");
    for (String part : parts) {
      if (!WORD.matcher(part).matches()) {
        return null;
      }
    }
    if (parts.length == 1) {
      return name(parts[0], true);
    }
    boolean sustained = TIME_UNITS.containsKey(parts[1].toLowerCase(Locale.ROOT));
    if (parts.length == 2 && sustained && !ratio) {
      return name(parts[0], false) + "-" + name(parts[1], true);
    }
    return null;
  }

  /** "/Month" or "/3 Months": singular alone, plural after a quantity. */
  private static String denominator(String text) {
    Matcher matcher = DENOMINATOR.matcher(text.strip());
    if (!matcher.matches() || !WORD.matcher(matcher.group(2)).matches()) {
      return null;
    }
    String quantity = matcher.group(1);
    if (quantity == null || quantity.equals("1")) {
      return "/" + name(matcher.group(2), false);
    }
    return "/" + Integer.parseInt(quantity) + " " + name(matcher.group(2), true);
  }

  private static String name(String word, boolean plural) {
    String dataSize = DATA_SIZES.get(word);
    if (dataSize == null) {
      dataSize = DATA_SIZES.get(word.toLowerCase(Locale.ROOT));
    }
    if (dataSize != null) {
      return dataSize;
    }
    String key = word.toLowerCase(Locale.ROOT);
    String[] forms = TIME_UNITS.containsKey(key) ? TIME_UNITS.get(key) : COUNT_UNITS.get(key);
    if (forms != null) {
      return plural ? forms[1] : forms[0];
    }
    return word;
  }

  /** Each row: singular, plural, then other spellings; keyed by lower-case spelling. */
  private static Map<String, String[]> names(String[]... rows) {
    Map<String, String[]> names = new HashMap<>();
    for (String[] row : rows) {
      String[] forms = {row[0], row[1]};
      for (String spelling : row) {
        names.put(spelling.toLowerCase(Locale.ROOT), forms);
      }
    }
    return Map.copyOf(names);
  }

  /**
   * The allowed abbreviations, by exact spelling (b is a bit, B a byte), then byte forms by their
   * lower-case spelling ({@code gb}, {@code gib}) and the spelled-out byte.
   */
  private static Map<String, String> dataSizes() {
    Map<String, String> sizes = new HashMap<>();
    for (String prefix : new String[] {"", "K", "M", "G", "T", "P", "E"}) {
      sizes.put(prefix + "b", prefix + "b");
      sizes.put(prefix + "B", prefix + "B");
      if (!prefix.isEmpty()) {
        sizes.put((prefix + "B").toLowerCase(Locale.ROOT), prefix + "B");
      }
      if (!prefix.isEmpty()) {
        sizes.put(prefix + "ib", prefix + "ib");
        sizes.put(prefix + "iB", prefix + "iB");
        sizes.put((prefix + "iB").toLowerCase(Locale.ROOT), prefix + "iB");
      }
    }
    sizes.put("byte", "B");
    sizes.put("bytes", "B");
    return Map.copyOf(sizes);
  }
}
