package dev.convergence.core.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the rules write numbers into results: counts with their noun, exact shares. */
final class Counts {

  private Counts() {}

  static String rows(long n) {
    return n + (n == 1 ? " row" : " rows");
  }

  /** {@code part / whole} to six decimal places, trailing zeros dropped; 0 when whole is 0. */
  static String share(long part, long whole) {
    if (whole == 0) {
      return "0";
    }
    BigDecimal share =
        BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_UP);
    return share.signum() == 0 ? "0" : share.stripTrailingZeros().toPlainString();
  }
}
