package dev.convergence.focus;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

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

  private final FocusSchema schema;

  /**
   * The specification columns with a per-column rule that can fail, in specification order (the
   * order violations are reported in): a nullable column that cannot hold text has none.
   */
  private final ColumnRule[] columns;

  public FocusConformance(FocusSchema schema) {
    this.schema = schema;
    List<ColumnRule> rules = new ArrayList<>();
    for (ColumnSpec spec : schema.columns()) {
      ColumnRule rule = new ColumnRule(spec);
      if (rule.required || rule.mayBeText) {
        rules.add(rule);
      }
    }
    this.columns = rules.toArray(ColumnRule[]::new);
  }

  public static FocusConformance v1_2() {
    return new FocusConformance(FocusSchema.v1_2());
  }

  /** Every rule the row breaks; empty when it conforms. */
  public List<Violation> check(FocusRow row) {
    List<Violation> violations = new ArrayList<>();
    for (ColumnRule column : columns) {
      column.check(row, violations);
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
    if (code != null && !isThreeCapitalLetters(code)) {
      violations.add(
          new Violation(column, "'" + code + "' is not an ISO 4217 code (three capital letters)"));
    }
  }

  /** {@code [A-Z]{3}}, checked without a regex matcher per row. */
  static boolean isThreeCapitalLetters(String code) {
    if (code.length() != 3) {
      return false;
    }
    for (int i = 0; i < 3; i++) {
      char c = code.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
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

  /**
   * The per-column rules for one specification column, resolved once: the column's accessor (not a
   * lookup by name per row), whether it must have a value, whether it can hold text at all (only
   * text can be empty or outside an enumeration), and its allowed values as a set.
   */
  private static final class ColumnRule {

    private final String name;
    private final Function<FocusRow, Object> value;
    private final boolean required;
    private final boolean mayBeText;
    private final Set<String> allowed;
    private final String allowedText;

    ColumnRule(ColumnSpec spec) {
      this.name = spec.name();
      this.value = FocusRow.accessor(spec.name());
      this.required = !spec.nullable() && spec.level() != ColumnSpec.Level.CONDITIONAL;
      this.mayBeText = mayHoldText(spec.name());
      this.allowed = spec.enumerated() ? Set.copyOf(spec.allowedValues()) : null;
      this.allowedText = spec.allowedValues().toString();
    }

    void check(FocusRow row, List<Violation> violations) {
      Object v = value.apply(row);
      if (v == null) {
        if (required) {
          violations.add(new Violation(name, "is null; FOCUS 1.2 requires a value"));
        }
        return;
      }
      if (v instanceof String text) {
        if (text.isEmpty()) {
          violations.add(new Violation(name, "is empty; use null for no value"));
        } else if (allowed != null && !allowed.contains(text)) {
          violations.add(
              new Violation(
                  name, "'" + text + "' is not an allowed value; expected one of " + allowedText));
        }
      }
    }

    /**
     * Whether the row's component for this column can hold a String; true when no component matches
     * the name, so a column is only skipped when its type rules text out.
     */
    private static boolean mayHoldText(String column) {
      for (RecordComponent component : FocusRow.class.getRecordComponents()) {
        if (component.getName().equalsIgnoreCase(column)) {
          return component.getType().isAssignableFrom(String.class);
        }
      }
      return true;
    }
  }
}
