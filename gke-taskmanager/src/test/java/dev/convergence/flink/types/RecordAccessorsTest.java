package dev.convergence.flink.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convergence.core.provider.Provider;
import dev.convergence.focus.FocusRow;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

class RecordAccessorsTest {

  private record Private(String name, long count, int small, BigDecimal amount) {}

  @Test
  @SuppressWarnings("unchecked")
  void readEveryComponentAsTheRecordsAccessorDoes() throws Exception {
    FocusRow row =
        FocusRow.builder()
            .xTenantId("acme")
            .xRunId("run-1")
            .xProvider(Provider.GCP)
            .xSourceFile("export.jsonl")
            .xSourceLine(Long.MAX_VALUE)
            .billedCost(new BigDecimal("-1.5"))
            .serviceName("Compute Engine")
            .tags(Map.of("team", "data"))
            .build();
    Object[] accessors = RecordAccessors.of(FocusRow.class);
    RecordComponent[] components = FocusRow.class.getRecordComponents();
    assertThat(accessors).hasSameSizeAs(components);
    for (int i = 0; i < components.length; i++) {
      Object expected = components[i].getAccessor().invoke(row);
      Object actual =
          accessors[i] instanceof ToLongFunction<?> f
              ? (Object) ((ToLongFunction<FocusRow>) f).applyAsLong(row)
              : ((Function<FocusRow, Object>) accessors[i]).apply(row);
      assertThat(actual).as(components[i].getName()).isEqualTo(expected);
      // Generated (hidden lambda classes), not the reflective fallback.
      assertThat(accessors[i].getClass().isHidden()).as(components[i].getName()).isTrue();
    }
    assertThat(RecordAccessors.of(FocusRow.class)).isSameAs(accessors);
  }

  @Test
  @SuppressWarnings("unchecked")
  void readPrivateRecordsAndPrimitivesWithoutBoxing() {
    Private p = new Private("x", -7L, 42, BigDecimal.TEN);
    Object[] accessors = RecordAccessors.of(Private.class);
    assertThat(((Function<Private, Object>) accessors[0]).apply(p)).isEqualTo("x");
    assertThat(((ToLongFunction<Private>) accessors[1]).applyAsLong(p)).isEqualTo(-7L);
    assertThat(((ToIntFunction<Private>) accessors[2]).applyAsInt(p)).isEqualTo(42);
    assertThat(((Function<Private, Object>) accessors[3]).apply(p)).isEqualTo(BigDecimal.TEN);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theReflectiveFallbackReadsTheSame() throws Exception {
    Private p = new Private("x", -7L, 42, null);
    RecordComponent[] components = Private.class.getRecordComponents();
    assertThat(
            ((Function<Private, Object>) RecordAccessors.reflective(components[0].getAccessor()))
                .apply(p))
        .isEqualTo("x");
    assertThat(
            ((ToLongFunction<Private>) RecordAccessors.reflective(components[1].getAccessor()))
                .applyAsLong(p))
        .isEqualTo(-7L);
    assertThat(
            ((ToIntFunction<Private>) RecordAccessors.reflective(components[2].getAccessor()))
                .applyAsInt(p))
        .isEqualTo(42);
    assertThat(
            ((Function<Private, Object>) RecordAccessors.reflective(components[3].getAccessor()))
                .apply(p))
        .isNull();
  }
}
