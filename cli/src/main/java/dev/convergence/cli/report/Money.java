package dev.convergence.cli.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How the report prints an amount: two decimals, rounded half up, digits grouped, with the currency
 * code ({@code USD 1,234.57}). The amount stays a {@link BigDecimal} until it is text; {@link
 * DecimalFormat} formats a {@code BigDecimal} exactly, without passing through {@code double}.
 */
final class Money {

  private Money() {}

  static String format(BigDecimal amount, String currency) {
    return currency + " " + amount(amount);
  }

  /** The amount alone, for table cells under a column that names the currency. */
  static String amount(BigDecimal amount) {
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(amount);
  }
}
