package dev.convergence.core.quality;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Each billing account bills in one currency. Totals per account are sums of BilledCost; with two
 * currencies in one account they would add euros to dollars.
 */
public final class CurrencyPerAccountRule implements QualityRule {

  private final Severity severity;
  private final Map<String, Set<String>> currencies = new TreeMap<>();

  public CurrencyPerAccountRule(Severity severity) {
    this.severity = severity;
  }

  @Override
  public RuleName name() {
    return RuleName.CURRENCY_PER_ACCOUNT;
  }

  @Override
  public void observe(StagedRow row) {
    Object account = row.value("BillingAccountId");
    Object currency = row.value("BillingCurrency");
    if (account != null && currency != null) {
      currencies.computeIfAbsent(account.toString(), a -> new TreeSet<>()).add(currency.toString());
    }
  }

  @Override
  public RuleResult result(RunTotals totals) {
    Map<String, Set<String>> mixed =
        currencies.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    if (mixed.isEmpty()) {
      return RuleResult.pass(
          name(),
          severity,
          "0",
          "0",
          "each of " + currencies.size() + " billing accounts bills in one currency");
    }
    String which =
        mixed.entrySet().stream()
            .map(e -> e.getKey() + " bills in " + String.join(" and ", e.getValue()))
            .collect(Collectors.joining("; "));
    return RuleResult.fail(
        name(),
        severity,
        Integer.toString(mixed.size()),
        "0",
        "billing accounts with more than one currency: " + which);
  }
}
