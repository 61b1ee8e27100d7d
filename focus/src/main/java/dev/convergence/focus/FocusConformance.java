package dev.convergence.focus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a row against the FOCUS 1.2 rules that can be checked one row at a time: columns the
 * specification marks as never null (Mandatory and Recommended ones; a Conditional column is only
 * required where the provider supports its concept, which a single row cannot tell), allowed values
 * of enumerated columns, ServiceSubcategory within its ServiceCategory, currencies shaped as ISO
 * 4217 codes, and periods whose end comes after their start.
 */
public final class FocusConformance {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private final FocusSchema schema;

  public FocusConformance(FocusSchema schema) {
    this.schema = schema;
  }

  public static FocusConformance v1_2() {
    return new FocusConformance(FocusSchema.v1_2());
  }

  /** Every rule the row breaks; empty when it conforms. */
  public List<Violation> check(FocusRow row) {
    List<Violation> violations = new ArrayList<>();
    for (ColumnSpec spec : schema.columns()) {
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
        && !schema.subcategoriesOf(row.serviceCategory()).contains(row.serviceSubcategory())) {
      violations.add(
          new Violation(
              "ServiceSubcategory",
              "'"
                  + row.serviceSubcategory()
                  + "' is not a subcategory of ServiceCategory '"
                  + row.serviceCategory()
                  + "'"));
    }
    currency(violations, "BillingCurrency", row.billingCurrency());
    currency(violations, "PricingCurrency", row.pricingCurrency());
    period(violations, "ChargePeriod", row.chargePeriodStart(), row.chargePeriodEnd());
    period(violations, "BillingPeriod", row.billingPeriodStart(), row.billingPeriodEnd());
    return violations;
  }

  private static void currency(List<Violation> violations, String column, String code) {
    if (code != null && !CURRENCY.matcher(code).matches()) {
      violations.add(
          new Violation(column, "'" + code + "' is not an ISO 4217 code (three capital letters)"));
    }
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
}
