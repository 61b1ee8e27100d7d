package dev.convergence.flink.allocation;

import dev.convergence.flink.operators.DailyAggregate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gives a run's unallocated daily aggregates to cost centres. Each billing currency is allocated on
 * its own: a cost centre's weight is the BilledCost its rule-matched rows carry in that currency
 * over the whole run, and every unallocated aggregate is split by those weights (BilledCost,
 * EffectiveCost, ListCost and the row count each split exactly, see {@link ProportionalSplit}).
 * Where no cost centre has a positive direct cost in the currency, the aggregate stays unallocated.
 * Shares that come to nothing (no cost, no rows) are left out.
 */
public final class SharedCostAllocation {

  private SharedCostAllocation() {}

  public static List<DailyAggregate> allocate(List<DailyAggregate> aggregates) {
    Map<String, Map<String, BigDecimal>> direct = new TreeMap<>();
    for (DailyAggregate a : aggregates) {
      if (a.allocation() == AllocationBasis.RULE && a.billedCost() != null) {
        direct
            .computeIfAbsent(String.valueOf(a.billingCurrency()), c -> new TreeMap<>())
            .merge(a.costCentre(), a.billedCost(), BigDecimal::add);
      }
    }
    Map<String, ProportionalSplit> splits = new HashMap<>();
    direct.forEach((currency, weights) -> splits.put(currency, new ProportionalSplit(weights)));

    List<DailyAggregate> out = new ArrayList<>(aggregates.size());
    for (DailyAggregate a : aggregates) {
      ProportionalSplit split = splits.get(String.valueOf(a.billingCurrency()));
      if (a.allocation() != AllocationBasis.UNALLOCATED || split == null || split.isEmpty()) {
        out.add(a);
        continue;
      }
      List<BigDecimal> billed = split.split(a.billedCost());
      List<BigDecimal> effective = split.split(a.effectiveCost());
      List<BigDecimal> list = split.split(a.listCost());
      long[] rows = split.split(a.rowCount());
      for (int i = 0; i < split.centres().size(); i++) {
        if (rows[i] == 0
            && isZero(billed.get(i))
            && isZero(effective.get(i))
            && isZero(list.get(i))) {
          continue;
        }
        out.add(
            a.share(split.centres().get(i), billed.get(i), effective.get(i), list.get(i), rows[i]));
      }
    }
    return out;
  }

  private static boolean isZero(BigDecimal amount) {
    return amount == null || amount.signum() == 0;
  }
}
