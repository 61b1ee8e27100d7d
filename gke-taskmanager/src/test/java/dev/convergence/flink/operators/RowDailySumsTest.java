package dev.convergence.flink.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convergence.core.provider.Provider;
import dev.convergence.core.tenant.AllocationRule;
import dev.convergence.core.tenant.CostAllocation;
import dev.convergence.flink.allocation.AllocationBasis;
import dev.convergence.flink.allocation.CostCentres;
import dev.convergence.focus.FocusRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** A subtask's running daily sums give what summing each row's {@link DailyAggregate} gives. */
class RowDailySumsTest {

  private static final CostCentres CENTRES =
      new CostCentres(
          new CostAllocation(
              List.of(new AllocationRule("platform", "team", List.of("infra"))),
              List.of("Tax"),
              List.of()));

  private static FocusRow row(
      String start, String billed, String effective, Map<String, String> tags) {
    return FocusRow.builder()
        .xTenantId("acme_corp")
        .xRunId("run-1")
        .xProvider(Provider.AWS)
        .xSourceFile("cur.csv")
        .xSourceLine(2)
        .chargePeriodStart(Instant.parse(start))
        .billingPeriodStart(Instant.parse("2026-10-01T00:00:00Z"))
        .billingAccountId("111111111111")
        .subAccountId("222222222222")
        .serviceName("Amazon Elastic Compute Cloud")
        .regionId("us-east-1")
        .chargeCategory("Usage")
        .billingCurrency("USD")
        .billedCost(billed == null ? null : new BigDecimal(billed))
        .effectiveCost(effective == null ? null : new BigDecimal(effective))
        .listCost(new BigDecimal("0.5"))
        .tags(tags)
        .build();
  }

  @Test
  void runningSumsEqualTheRowsAggregatesSummedPerGroup() {
    List<FocusRow> rows =
        List.of(
            row("2026-10-05T01:00:00Z", "0.000000018104", null, Map.of("team", "infra")),
            row("2026-10-05T02:00:00Z", "1.25", null, Map.of("team", "infra")),
            row("2026-10-05T03:00:00Z", "-0.25", "0.1", Map.of()),
            row("2026-10-06T00:00:00Z", null, "2", Map.of("team", "infra")),
            row("2026-10-05T23:59:59.999Z", "3", "3", Map.of()));
    RowDailySums sums = new RowDailySums(CENTRES);

    Map<DailyAggregate.Group, RowDailySums.Running> running = new LinkedHashMap<>();
    Map<String, DailyAggregate> expected = new LinkedHashMap<>();
    for (FocusRow row : rows) {
      running.merge(sums.key(row), sums.first(row), (sum, one) -> sums.plus(sum, row));
      DailyAggregate one = OneRow.aggregate(row, CENTRES.directCentre(row));
      expected.merge(one.groupKey(), one, DailyAggregate::plus);
    }
    List<DailyAggregate> results = new ArrayList<>();
    running.forEach((group, sum) -> results.add(sums.result(group, sum)));

    assertThat(results).containsExactlyElementsOf(expected.values());
    assertThat(results)
        .extracting(
            DailyAggregate::chargeDay,
            DailyAggregate::costCentre,
            DailyAggregate::allocation,
            DailyAggregate::billedCost,
            DailyAggregate::effectiveCost,
            DailyAggregate::listCost,
            DailyAggregate::rowCount)
        .containsExactly(
            Tuple.tuple(
                LocalDate.of(2026, 10, 5),
                "platform",
                AllocationBasis.RULE,
                new BigDecimal("1.250000018104"),
                null,
                new BigDecimal("1.0"),
                2L),
            Tuple.tuple(
                LocalDate.of(2026, 10, 5),
                null,
                AllocationBasis.UNALLOCATED,
                new BigDecimal("2.75"),
                new BigDecimal("3.1"),
                new BigDecimal("1.0"),
                2L),
            Tuple.tuple(
                LocalDate.of(2026, 10, 6),
                "platform",
                AllocationBasis.RULE,
                null,
                new BigDecimal("2"),
                new BigDecimal("0.5"),
                1L));
  }
}
