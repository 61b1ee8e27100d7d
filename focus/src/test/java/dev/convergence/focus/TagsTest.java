package dev.convergence.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TagsTest {

  @Test
  void aRowKeepsBuiltTagsAsTheyAre() {
    Tags tags = Tags.builder().put("team", "data").put("env", "prod").build();

    FocusRow row = TestRows.conformant().tags(tags).build();

    assertThat(row.tags()).isSameAs(tags);
    assertThat(row.toBuilder().build().tags()).isSameAs(tags);
  }

  @Test
  void aRowCopiesAnyOtherMapSoItsCallerCannotChangeIt() {
    Map<String, String> source = new LinkedHashMap<>();
    source.put("team", "data");
    source.put("env", "prod");

    FocusRow row = TestRows.conformant().tags(source).build();
    source.put("cost-centre", "42");
    source.remove("team");

    assertThat(row.tags()).containsExactly(Map.entry("env", "prod"), Map.entry("team", "data"));
    assertThatThrownBy(() -> row.tags().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theBuilderHandsItsMapOverOnce() {
    Tags.Builder builder = Tags.builder().put("a", "1");
    Tags tags = builder.build();

    assertThatThrownBy(() -> builder.put("b", "2")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    assertThat(tags).containsExactly(Map.entry("a", "1"));
  }

  @Test
  void aLaterValueForAKeyReplacesTheEarlierOne() {
    assertThat(Tags.builder().put("team", "a").put("team", "b").build())
        .containsExactly(Map.entry("team", "b"));
  }

  @Test
  void behavesAsTheUnmodifiableSortedCopyARowWouldMake() {
    Map<String, String> source = Map.of("b", "2", "a", "1", "c", "3");
    Map<String, String> copy = Collections.unmodifiableMap(new TreeMap<>(source));
    Tags tags = Tags.builder().put("b", "2").put("a", "1").put("c", "3").build();

    assertThat(tags).isEqualTo(copy).hasSameHashCodeAs(copy);
    assertThat(copy).isEqualTo(tags);
    assertThat(tags.toString()).isEqualTo(copy.toString()).isEqualTo("{a=1, b=2, c=3}");
    assertThat(List.copyOf(tags.keySet())).containsExactly("a", "b", "c");
    assertThat(List.copyOf(tags.values())).containsExactly("1", "2", "3");
    assertThat(tags.get("b")).isEqualTo("2");
    assertThat(tags.getOrDefault("z", "none")).isEqualTo("none");
    assertThat(tags.containsKey("c")).isTrue();
    assertThat(tags.containsValue("3")).isTrue();
    assertThat(Tags.builder().build()).isEmpty();
    assertThat(Tags.builder().build()).isEqualTo(Map.of());
  }

  @Test
  void refusesEveryChange() {
    Tags tags = Tags.builder().put("a", "1").build();

    List<Runnable> changes =
        List.of(
            () -> tags.put("b", "2"),
            () -> tags.remove("a"),
            () -> tags.remove("absent"),
            () -> tags.remove("a", "1"),
            () -> tags.putAll(Map.of()),
            () -> tags.putAll(Map.of("b", "2")),
            tags::clear,
            () -> tags.replaceAll((k, v) -> v),
            () -> tags.putIfAbsent("a", "1"),
            () -> tags.replace("a", "2"),
            () -> tags.replace("a", "1", "2"),
            () -> tags.computeIfAbsent("b", k -> "2"),
            () -> tags.computeIfPresent("a", (k, v) -> "2"),
            () -> tags.compute("a", (k, v) -> "2"),
            () -> tags.merge("a", "2", (v, w) -> w),
            () -> tags.entrySet().iterator().next().setValue("2"),
            () -> tags.keySet().remove("a"),
            () -> tags.values().clear());
    for (Runnable change : changes) {
      assertThatThrownBy(change::run).isInstanceOf(UnsupportedOperationException.class);
    }
    assertThat(tags).containsExactly(Map.entry("a", "1"));
  }

  @Test
  void noTagsAreAnEmptyMap() {
    assertThat(TestRows.conformant().tags(null).build().tags()).isEmpty();
    assertThat(TestRows.conformant().build().tags()).isEqualTo(Map.of());
  }
}
