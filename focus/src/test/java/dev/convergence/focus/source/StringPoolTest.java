package dev.convergence.focus.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void aTextWhoseSlotIsTakenTakesItOverAndIsStillReturnedAsItIs() {
    StringPool pool = new StringPool(1);
    String a = new String("a");
    assertThat(pool.of(a)).isSameAs(a);
    String b = new String("b");
    assertThat(pool.of(b)).isSameAs(b);
    assertThat(pool.of(new String("b"))).isSameAs(b);

    String again = new String("a");
    assertThat(pool.of(again)).isSameAs(again).isEqualTo(a);
  }

  @Test
  void theSlotCountIsAPowerOfTwo() {
    assertThatThrownBy(() -> new StringPool(1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("slots: must be a power of two; got 1000");
  }
}
