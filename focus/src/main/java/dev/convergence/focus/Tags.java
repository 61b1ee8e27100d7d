package dev.convergence.focus;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The value of a row's {@code Tags} column: an unmodifiable map in key order, that {@link FocusRow}
 * keeps as it is. A row must not change after it is built, so the row copies any other map it is
 * given; a mapper that collects a record's tags with a {@link Builder} hands over a map nobody else
 * can change, and saves that copy on every row (and on every sibling row that shares the tags).
 *
 * <p>It behaves exactly as the copy the row would make, {@code Collections.unmodifiableMap(new
 * TreeMap<>(tags))}: every method is that view's, so lookups, iteration order, {@code equals},
 * {@code hashCode}, {@code toString} and the refusal of every change are the same.
 */
public final class Tags implements Map<String, String> {

  private final Map<String, String> entries;

  private Tags(TreeMap<String, String> sorted) {
    this.entries = Collections.unmodifiableMap(sorted);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The map a row keeps for these tags: the same instance if it is already a {@code Tags}, no tags
   * when it is null, else an unmodifiable copy in key order.
   */
  static Map<String, String> of(Map<String, String> tags) {
    if (tags == null) {
      return Map.of();
    }
    if (tags instanceof Tags) {
      return tags;
    }
    return Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  /** Collects tags, a later value for a key replacing an earlier one; builds once. */
  public static final class Builder {

    private TreeMap<String, String> entries = new TreeMap<>();

    private Builder() {}

    public Builder put(String key, String value) {
      if (entries == null) {
        throw new IllegalStateException("the tags are built; start a new builder");
      }
      entries.put(key, value);
      return this;
    }

    /** The tags; the builder hands its map over, so it takes no more tags. */
    public Tags build() {
      if (entries == null) {
        throw new IllegalStateException("the tags are built; start a new builder");
      }
      Tags tags = new Tags(entries);
      entries = null;
      return tags;
    }
  }

  @Override
  public int size() {
    return entries.size();
  }

  @Override
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public boolean containsValue(Object value) {
    return entries.containsValue(value);
  }

  @Override
  public String get(Object key) {
    return entries.get(key);
  }

  @Override
  public String getOrDefault(Object key, String defaultValue) {
    return entries.getOrDefault(key, defaultValue);
  }

  @Override
  public Set<String> keySet() {
    return entries.keySet();
  }

  @Override
  public Collection<String> values() {
    return entries.values();
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return entries.entrySet();
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super String> action) {
    entries.forEach(action);
  }

  @Override
  public String put(String key, String value) {
    return entries.put(key, value);
  }

  @Override
  public String remove(Object key) {
    return entries.remove(key);
  }

  @Override
  public void putAll(Map<? extends String, ? extends String> m) {
    entries.putAll(m);
  }

  @Override
  public void clear() {
    entries.clear();
  }

  @Override
  public void replaceAll(BiFunction<? super String, ? super String, ? extends String> function) {
    entries.replaceAll(function);
  }

  @Override
  public String putIfAbsent(String key, String value) {
    return entries.putIfAbsent(key, value);
  }

  @Override
  public boolean remove(Object key, Object value) {
    return entries.remove(key, value);
  }

  @Override
  public boolean replace(String key, String oldValue, String newValue) {
    return entries.replace(key, oldValue, newValue);
  }

  @Override
  public String replace(String key, String value) {
    return entries.replace(key, value);
  }

  @Override
  public String computeIfAbsent(
      String key, Function<? super String, ? extends String> mappingFunction) {
    return entries.computeIfAbsent(key, mappingFunction);
  }

  @Override
  public String computeIfPresent(
      String key, BiFunction<? super String, ? super String, ? extends String> remappingFunction) {
    return entries.computeIfPresent(key, remappingFunction);
  }

  @Override
  public String compute(
      String key, BiFunction<? super String, ? super String, ? extends String> remappingFunction) {
    return entries.compute(key, remappingFunction);
  }

  @Override
  public String merge(
      String key,
      String value,
      BiFunction<? super String, ? super String, ? extends String> remappingFunction) {
    return entries.merge(key, value, remappingFunction);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || entries.equals(o);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return entries.toString();
  }
}
