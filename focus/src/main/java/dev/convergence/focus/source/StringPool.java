package dev.convergence.focus.source;

/**
 * One instance per distinct text of a stream's repetitive columns (accounts, services, regions,
 * currencies, units): a billing file repeats a few hundred such texts across millions of rows, and
 * the CSV reader makes a new string for each field. Rows that share the pooled instance cost less
 * memory, and every later hash or comparison of them (grouping into daily sums, dictionary encoding
 * in Parquet) finds the hash cached and equal strings identical. At most {@code capacity} texts are
 * kept, the oldest dropped first; one pool serves one stream.
 */
public final class StringPool {

  /** Slots for the distinct values of a stream's pooled columns; a power of two. */
  static final int DEFAULT_SLOTS = 4096;

  private final String[] slots;

  public StringPool() {
    this(DEFAULT_SLOTS);
  }

  StringPool(int slots) {
    if (Integer.bitCount(slots) != 1) {
      throw new IllegalArgumentException("slots: must be a power of two; got " + slots);
    }
    this.slots = new String[slots];
  }

  /**
   * The pooled instance equal to {@code text}; null for null. A text whose slot holds another text
   * takes the slot over, so the pool never grows and costs one hash and one comparison.
   */
  public String of(String text) {
    if (text == null) {
      return null;
    }
    int h = text.hashCode();
    int slot = (h ^ (h >>> 16)) & (slots.length - 1);
    String pooled = slots[slot];
    if (text.equals(pooled)) {
      return pooled;
    }
    slots[slot] = text;
    return text;
  }
}
