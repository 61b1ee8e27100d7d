package dev.convergence.flink.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convergence.core.provider.Provider;
import dev.convergence.flink.allocation.AllocationBasis;
import dev.convergence.focus.FocusRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DailyAggregateTest {

  private static FocusRow.Builder row(String start) {
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
        .billingCurrency("USD");
  }

  @Test
  void chargeDayIsTheUtcDateOfChargePeriodStart() {
    DailyAggregate a = OneRow.aggregate(row("2026-10-05T23:59:59.999Z").build(), null);
    assertThat(a.chargeDay()).isEqualTo(LocalDate.of(2026, 10, 5));
    assertThat(a.costCentre()).isNull();
    assertThat(a.rowCount()).isEqualTo(1);
  }

  @Test
  void sumsExactlyAndANullSumsLikeSql() {
    DailyAggregate a =
        OneRow.aggregate(
            row("2026-10-05T01:00:00Z")
                .billedCost(new BigDecimal("0.000000018104"))
                .effectiveCost(null)
                .listCost(new BigDecimal("0.1"))
                .build(),
            null);
    DailyAggregate b =
        OneRow.aggregate(
            row("2026-10-05T02:00:00Z")
                .billedCost(new BigDecimal("0.2"))
                .effectiveCost(null)
                .listCost(new BigDecimal("-0.1"))
                .build(),
            null);

    DailyAggregate sum = a.plus(b);

    assertThat(sum.billedCost()).isEqualTo(new BigDecimal("0.200000018104"));
    assertThat(sum.effectiveCost()).isNull();
    assertThat(sum.listCost()).isEqualTo(new BigDecimal("0.0"));
    assertThat(sum.rowCount()).isEqualTo(2);
    assertThat(sum.groupKey()).isEqualTo(a.groupKey()).isEqualTo(b.groupKey());
  }

  @Test
  void groupKeyTellsNullFromEveryStringAndDoesNotRunColumnsTogether() {
    String start = "2026-10-05T01:00:00Z";
    assertThat(OneRow.aggregate(row(start).regionId(null).build(), null).groupKey())
        .isNotEqualTo(OneRow.aggregate(row(start).regionId("-").build(), null).groupKey())
        .isNotEqualTo(OneRow.aggregate(row(start).regionId("").build(), null).groupKey());
    assertThat(
            OneRow.aggregate(row(start).serviceName("ab").regionId("c").build(), null).groupKey())
        .isNotEqualTo(
            OneRow.aggregate(row(start).serviceName("a").regionId("bc").build(), null).groupKey());
    assertThat(OneRow.aggregate(row(start).billingCurrency("EUR").build(), null).groupKey())
        .isNotEqualTo(OneRow.aggregate(row(start).build(), null).groupKey());
  }

  @Test
  void aRowMatchedByARuleIsInItsCostCentreAndGroupsApartFromUnallocatedCost() {
    FocusRow row = row("2026-10-05T01:00:00Z").build();
    DailyAggregate direct = OneRow.aggregate(row, "platform");
    DailyAggregate unallocated = OneRow.aggregate(row, null);

    assertThat(direct.costCentre()).isEqualTo("platform");
    assertThat(direct.allocation()).isEqualTo(AllocationBasis.RULE);
    assertThat(unallocated.costCentre()).isNull();
    assertThat(unallocated.allocation()).isEqualTo(AllocationBasis.UNALLOCATED);
    assertThat(direct.groupKey()).isNotEqualTo(unallocated.groupKey());
    assertThat(direct.billingPeriodStart()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
  }
}
