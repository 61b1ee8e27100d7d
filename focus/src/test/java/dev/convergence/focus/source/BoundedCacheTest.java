package dev.convergence.focus.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedCacheTest {

  @Test
  void keepsAtMostItsCapacityDroppingTheOldestFirst() {
    BoundedCache<String, Integer> cache = new BoundedCache<>(2);
    cache.put("a", 1);
    cache.put("b", 2);
    assertThat(cache.get("a")).isEqualTo(1);

    cache.put("c", 3);

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get("a")).isNull();
    assertThat(cache.get("b")).isEqualTo(2);
    assertThat(cache.get("c")).isEqualTo(3);
    assertThat(cache.capacity()).isEqualTo(2);
  }

  @Test
  void aNullKeyHasNoValue() {
    assertThat(new BoundedCache<String, Integer>(1).get(null)).isNull();
  }
}
