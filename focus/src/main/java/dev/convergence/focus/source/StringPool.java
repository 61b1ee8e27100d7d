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

  /** Room for the distinct values of the pooled columns of a large bill. */
  static final int DEFAULT_CAPACITY = 4096;

  private final BoundedCache<String, String> texts;

  public StringPool() {
    this(DEFAULT_CAPACITY);
  }

  StringPool(int capacity) {
    this.texts = new BoundedCache<>(capacity);
  }

  /** The pooled instance equal to {@code text}; null for null. */
  public String of(String text) {
    if (text == null) {
      return null;
    }
    String pooled = texts.get(text);
    if (pooled != null) {
      return pooled;
    }
    texts.put(text, text);
    return text;
  }
}
