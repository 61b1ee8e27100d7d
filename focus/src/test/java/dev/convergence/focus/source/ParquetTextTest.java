package dev.convergence.focus.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParquetTextTest {

  @Test
  void aDoubleIsItsShortestRoundTripText() {
    // Java 17's Double.toString gives 2.82879384806159008E17 and 9.999999999999999E22 here.
    assertThat(ParquetText.shortest(2.82879384806159E17)).isEqualTo("2.82879384806159E17");
    assertThat(ParquetText.shortest(1.0E23)).isEqualTo("1.0E23");
    assertThat(ParquetText.shortest(0.123456789012345)).isEqualTo("0.123456789012345");
    assertThat(ParquetText.shortest(42.0)).isEqualTo("42.0");
    assertThat(ParquetText.shortest(3.85e-7)).isEqualTo("3.85E-7");
    assertThat(ParquetText.shortest(0.1 + 0.2)).isEqualTo("0.30000000000000004");
  }
}
