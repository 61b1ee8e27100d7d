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
 * 4217 codes, periods whose end comes after their start, the ListCost of a Credit without a list
 * unit price, and ChargeClass Correction only for a charge period before the billing period.
 *
 * <p>Not checked: ListUnitPrice x PricingQuantity = ListCost. AWS rounds {@code
 * pricing/publicOnDemandCost}, so real CUR rows miss the product in the last digits (see {@code
 * focus/README.md}). Nor the converse of the correction rule: a row whose charge period precedes
 * the billing period need not be a correction (a tax or fee may span the period).
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
    creditListCost(violations, row);
    correction(violations, row);
    return violations;
  }

  /**
   * ListCost 1.2: when ListUnitPrice is null, the ListCost of a charge unrelated to other charges,
   * as a Credit is, MUST match its BilledCost.
   */
  private static void creditListCost(List<Violation> violations, FocusRow row) {
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
  }

  /**
   * ChargeClass 1.2: Correction marks a correction to a previously invoiced billing period, so the
   * corrected charge's period starts before the billing period the row is invoiced in.
   */
  private static void correction(List<Violation> violations, FocusRow row) {
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
