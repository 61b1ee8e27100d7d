package dev.convergence.focus;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link FocusConformance} resolves its per-column rules once and skips columns that cannot break
 * one; this checks it against the straightforward reading of the rules (every specification column
 * read by name on every row) over many random rows, violation for violation, in order.
 */
class FocusConformanceEquivalenceTest {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final FocusSchema SCHEMA = FocusSchema.v1_2();

  private final FocusConformance conformance = FocusConformance.v1_2();

  @Test
  void findsWhatReadingEveryColumnByNameFinds() throws Exception {
    Random random = new Random(20261001L);
    int violating = 0;
    for (int i = 0; i < 20_000; i++) {
      FocusRow row = randomRow(random);
      List<String> expected = reference(row).stream().map(Violation::toString).toList();

      assertThat(conformance.check(row).stream().map(Violation::toString).toList())
          .as("row %d: %s", i, row)
          .isEqualTo(expected);
      if (!expected.isEmpty()) {
        violating++;
      }
    }
    assertThat(violating).isBetween(1_000, 19_000);
  }

  @Test
  void anEmptyStringIsFoundInEveryTextColumn() throws Exception {
    for (RecordComponent component : FocusRow.class.getRecordComponents()) {
      if (component.getType() != String.class
          || !FocusRow.FOCUS_COLUMNS.stream()
              .anyMatch(c -> c.equalsIgnoreCase(component.getName()))) {
        continue;
      }
      FocusRow.Builder builder = TestRows.conformant();
      setter(component).invoke(builder, "");
      FocusRow row = builder.build();

      assertThat(conformance.check(row))
          .as(component.getName())
          .extracting(Violation::toString)
          .contains(
              SCHEMA.column(capitalised(component.getName())).name()
                  + ": is empty; use null for no value")
          .isEqualTo(reference(row).stream().map(Violation::toString).toList());
    }
  }

  @Test
  void threeCapitalLettersIsTheCurrencyPattern() {
    for (String code :
        List.of("USD", "EUR", "usd", "US", "USDT", "", "U1D", "ÜSD", "US ", "@AB", "AB[", "ZZZ")) {
      assertThat(FocusConformance.isThreeCapitalLetters(code))
          .as(code)
          .isEqualTo(CURRENCY.matcher(code).matches());
    }
  }

  @Test
  void everyColumnIsReadByItsName() {
    FocusRow row = TestRows.conformant().regionId("us-east-1").tags(Map.of("a", "1")).build();
    for (String column : FocusRow.FOCUS_COLUMNS) {
      assertThat(FocusRow.accessor(column).apply(row)).isEqualTo(row.value(column));
    }
    assertThat(row.value("RegionId")).isEqualTo("us-east-1");
    assertThat(row.value("x_source_line")).isEqualTo(2L);
    assertThat(row.value("Tags")).isEqualTo(Map.of("a", "1"));
  }

  /** The rules read plainly: each specification column by name, then the cross-column rules. */
  private static List<Violation> reference(FocusRow row) {
    List<Violation> violations = new ArrayList<>();
    for (ColumnSpec spec : SCHEMA.columns()) {
      Object value = row.value(spec.name());
      if (value == null) {
        if (!spec.nullable() && spec.level() != ColumnSpec.Level.CONDITIONAL) {
          violations.add(new Violation(spec.name(), "is null; FOCUS 1.2 requires a value"));
        }
        continue;
      }
      if (value instanceof String text) {
        if (text.isEmpty()) {
          violations.add(new Violation(spec.name(), "is empty; use null for no value"));
        } else if (spec.enumerated() && !spec.allowedValues().contains(text)) {
          violations.add(
              new Violation(
                  spec.name(),
                  "'"
                      + text
                      + "' is not an allowed value; expected one of "
                      + spec.allowedValues()));
        }
      }
    }
    if (row.serviceSubcategory() != null
        && row.serviceCategory() != null
        && !SCHEMA.subcategoriesOf(row.serviceCategory()).contains(row.serviceSubcategory())) {
      violations.add(
          new Violation(
              "ServiceSubcategory",
              "'"
                  + row.serviceSubcategory()
                  + "' is not a subcategory of ServiceCategory '"
                  + row.serviceCategory()
                  + "'"));
    }
    for (String column : List.of("BillingCurrency", "PricingCurrency")) {
      Object code = row.value(column);
      if (code != null && !CURRENCY.matcher((String) code).matches()) {
        violations.add(
            new Violation(
                column, "'" + code + "' is not an ISO 4217 code (three capital letters)"));
      }
    }
    period(violations, "ChargePeriod", row.chargePeriodStart(), row.chargePeriodEnd());
    period(violations, "BillingPeriod", row.billingPeriodStart(), row.billingPeriodEnd());
    if ("Credit".equals(row.chargeCategory())
        && row.listUnitPrice() == null
        && row.listCost() != null
        && row.billedCost() != null
        && row.listCost().compareTo(row.billedCost()) != 0) {
      violations.add(
          new Violation(
              "ListCost",
              "is "
                  + row.listCost().toPlainString()
                  + ", not BilledCost "
                  + row.billedCost().toPlainString()
                  + "; a Credit (ChargeCategory) with a null ListUnitPrice lists at its BilledCost"));
    }
    if ("Correction".equals(row.chargeClass())
        && row.chargePeriodStart() != null
        && row.billingPeriodStart() != null
        && !row.chargePeriodStart().isBefore(row.billingPeriodStart())) {
      violations.add(
          new Violation(
              "ChargeClass",
              "is Correction but ChargePeriodStart "
                  + row.chargePeriodStart()
                  + " is not before BillingPeriodStart "
                  + row.billingPeriodStart()
                  + "; a correction corrects a previously invoiced billing period"));
    }
    return violations;
  }

  private static void period(List<Violation> violations, String name, Instant start, Instant end) {
    if (start != null && end != null && !end.isAfter(start)) {
      violations.add(
          new Violation(
              name + "End",
              "is "
                  + end
                  + ", not after "
                  + name
                  + "Start "
                  + start
                  + "; periods are [start, end) with an exclusive end"));
    }
  }

  /** A conformant row with, now and then, a FOCUS column set to null, empty or an odd value. */
  private static FocusRow randomRow(Random random) throws Exception {
    FocusRow.Builder builder = TestRows.conformant();
    for (RecordComponent component : FocusRow.class.getRecordComponents()) {
      if (!FocusRow.FOCUS_COLUMNS.stream().anyMatch(c -> c.equalsIgnoreCase(component.getName()))
          || random.nextInt(12) != 0) {
        continue;
      }
      Object value = randomValue(random, component);
      setter(component).invoke(builder, value);
    }
    return builder.build();
  }

  private static Object randomValue(Random random, RecordComponent component) {
    Class<?> type = component.getType();
    if (random.nextInt(3) == 0) {
      return null;
    }
    if (type == String.class) {
      ColumnSpec spec = SCHEMA.column(capitalised(component.getName()));
      List<String> choices = new ArrayList<>(List.of("", "usd", "EUR", "Other", "x"));
      choices.addAll(spec.allowedValues());
      choices.addAll(List.of("Compute", "Virtual Machines", "Storage", "Credit", "Correction"));
      return choices.get(random.nextInt(choices.size()));
    }
    if (type == BigDecimal.class) {
      return BigDecimal.valueOf(random.nextInt(5) - 2, random.nextInt(3));
    }
    if (type == Instant.class) {
      return Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * (random.nextInt(5) - 2));
    }
    if (type == Map.class) {
      return Map.of("k", "v");
    }
    throw new IllegalStateException("no random value for " + component);
  }

  private static Method setter(RecordComponent component) throws NoSuchMethodException {
    return FocusRow.Builder.class.getMethod(component.getName(), component.getType());
  }

  private static String capitalised(String component) {
    return Character.toUpperCase(component.charAt(0)) + component.substring(1);
  }
}
