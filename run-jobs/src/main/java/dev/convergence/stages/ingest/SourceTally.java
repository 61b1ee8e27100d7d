package dev.convergence.stages.ingest;

import dev.convergence.core.quality.PeriodBounds;
import dev.convergence.core.staging.IngestRejects;
import dev.convergence.core.staging.SourceTotal;
import dev.convergence.focus.FocusRow;
import dev.convergence.focus.Reject;
import dev.convergence.stages.StageError;
import dev.convergence.stages.StageException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sums the source as the FOCUS readers convert it: per billing account and currency, the rows and
 * their BilledCost, exact; the rejected records and their raw cost apart. Refuses data the run must
 * not publish: an account the tenant has not declared, a row of another billing period, an account
 * billed in two currencies.
 */
final class SourceTally {

  private record AccountCurrency(String account, String currency)
      implements Comparable<AccountCurrency> {
    @Override
    public int compareTo(AccountCurrency other) {
      int byAccount = account.compareTo(other.account);
      return byAccount != 0 ? byAccount : currency.compareTo(other.currency);
    }
  }

  private final Set<String> declaredAccounts;
  private final PeriodBounds bounds;
  private final Map<AccountCurrency, long[]> rows = new TreeMap<>();
  private final Map<AccountCurrency, BigDecimal> costs = new TreeMap<>();
  private final Map<String, String> undeclared = new TreeMap<>();
  private long rejects;
  private long rejectsWithoutCost;
  private BigDecimal rejectedCost = BigDecimal.ZERO;

  SourceTally(Set<String> declaredAccounts, PeriodBounds bounds) {
    this.declaredAccounts = Set.copyOf(declaredAccounts);
    this.bounds = bounds;
  }

  void add(FocusRow row, String key) {
    String account = row.billingAccountId();
    if (!declaredAccounts.contains(account)) {
      undeclared.putIfAbsent(account, key);
    }
    if (!bounds.start().equals(row.billingPeriodStart())
        || !bounds.end().equals(row.billingPeriodEnd())) {
      throw new StageException(
          StageError.WRONG_BILLING_PERIOD,
          key
              + ": line "
              + row.xSourceLine()
              + " belongs to billing period ["
              + row.billingPeriodStart()
              + ", "
              + row.billingPeriodEnd()
              + "), not the run's "
              + bounds);
    }
    AccountCurrency slot = new AccountCurrency(account, row.billingCurrency());
    rows.computeIfAbsent(slot, s -> new long[1])[0]++;
    costs.merge(slot, row.billedCost(), BigDecimal::add);
  }

  void add(Reject reject) {
    rejects++;
    if (reject.rawCost() == null) {
      rejectsWithoutCost++;
    } else {
      rejectedCost = rejectedCost.add(reject.rawCost());
    }
  }

  /** The totals, once every object has been read; refuses what the run must not publish. */
  List<SourceTotal> totals(List<String> declaredInOrder) {
    if (!undeclared.isEmpty()) {
      List<String> found = new ArrayList<>();
      undeclared.forEach((account, key) -> found.add(account + " (first in " + key + ")"));
      throw new StageException(
          StageError.UNKNOWN_BILLING_ACCOUNT,
          "billing_accounts: the source holds data of "
              + String.join(", ", found)
              + ", which the tenant does not declare; declared: "
              + String.join(", ", declaredInOrder));
    }
    Map<String, Set<String>> currencies = new TreeMap<>();
    rows.keySet()
        .forEach(
            s -> currencies.computeIfAbsent(s.account(), a -> new TreeSet<>()).add(s.currency()));
    List<String> mixed = new ArrayList<>();
    currencies.forEach(
        (account, set) -> {
          if (set.size() > 1) {
            mixed.add(account + " (" + String.join(", ", set) + ")");
          }
        });
    if (!mixed.isEmpty()) {
      throw new StageException(
          StageError.MIXED_CURRENCIES,
          "billing_currency: more than one currency for billing account "
              + String.join("; ", mixed));
    }
    List<SourceTotal> totals = new ArrayList<>();
    rows.forEach(
        (slot, n) ->
            totals.add(new SourceTotal(slot.account(), slot.currency(), n[0], costs.get(slot))));
    return totals;
  }

  IngestRejects rejects() {
    return new IngestRejects(rejects, rejectedCost, rejectsWithoutCost);
  }
}
