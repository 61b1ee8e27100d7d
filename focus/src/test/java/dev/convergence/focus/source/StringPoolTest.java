package dev.convergence.focus.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringPoolTest {

  @Test
  void equalTextsComeBackAsTheFirstInstance() {
    StringPool pool = new StringPool();
    String first = new String("123456789012");
    String second = new String("123456789012");
    assertThat(second).isNotSameAs(first);

    assertThat(pool.of(first)).isSameAs(first);
    assertThat(pool.of(second)).isSameAs(first);
    assertThat(pool.of(new String("eu-west-1"))).isEqualTo("eu-west-1");
    assertThat(pool.of(null)).isNull();
  }

  @Test
  void aFullPoolDropsItsOldestTextAndStillReturnsAnEqualOne() {
    StringPool pool = new StringPool(2);
    String a = new String("a");
    pool.of(a);
    pool.of("b");
    pool.of("c");

    String again = new String("a");
    assertThat(pool.of(again)).isSameAs(again).isEqualTo(a);
  }
}
