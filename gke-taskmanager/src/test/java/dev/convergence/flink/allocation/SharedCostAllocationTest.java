package dev.convergence.flink.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.convergence.core.provider.Provider;
import dev.convergence.flink.operators.DailyAggregate;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedCostAllocationTest {

  private static DailyAggregate group(
      String service, String currency, String centre, String billed, long rows) {
    return new DailyAggregate(
        "acme_corp",
        "run-1",
        LocalDate.of(2026, 10, 5),
        Instant.parse("2026-10-01T00:00:00Z"),
        Provider.AWS,
        "100000000001",
        "200000000002",
        service,
        "us-east-1",
        "Usage",
        currency,
        centre,
        centre == null ? AllocationBasis.UNALLOCATED : AllocationBasis.RULE,
        new BigDecimal(billed),
        new BigDecimal(billed),
        null,
        rows);
  }

  @Test
  void unallocatedCostFollowsEachCentresDirectCostInItsCurrency() {
    List<DailyAggregate> out =
        SharedCostAllocation.allocate(
            List.of(
                group("EC2", "USD", "platform", "30.00", 3),
                group("S3", "USD", "data", "10.00", 1),
                group("Support", "USD", null, "1.01", 3),
                group("VMs", "EUR", null, "5.00", 2)));

    assertThat(out)
        .extracting(
            DailyAggregate::serviceName,
            DailyAggregate::costCentre,
            DailyAggregate::allocation,
            DailyAggregate::billedCost,
            DailyAggregate::effectiveCost,
            DailyAggregate::listCost,
            DailyAggregate::rowCount)
        .containsExactly(
            tuple(
                "EC2",
                "platform",
                AllocationBasis.RULE,
                new BigDecimal("30.00"),
                new BigDecimal("30.00"),
                null,
                3L),
            tuple(
                "S3",
                "data",
                AllocationBasis.RULE,
                new BigDecimal("10.00"),
                new BigDecimal("10.00"),
                null,
                1L),
            // 1.01 × 10/40 = 0.2525 → 0.25; × 30/40 = 0.7575 → 0.75; the cent left over goes to
            // the share that lost more (platform's 0.0075). Rows: 3 × 10/40 = 0.75 → 0 and
            // 3 × 30/40 = 2.25 → 2; the row left over goes to data (0.75 lost).
            tuple(
                "Support",
                "data",
                AllocationBasis.PROPORTIONAL,
                new BigDecimal("0.25"),
                new BigDecimal("0.25"),
                null,
                1L),
            tuple(
                "Support",
                "platform",
                AllocationBasis.PROPORTIONAL,
                new BigDecimal("0.76"),
                new BigDecimal("0.76"),
                null,
                2L),
            // No centre has direct cost in EUR: the EUR cost stays unallocated.
            tuple(
                "VMs",
                null,
                AllocationBasis.UNALLOCATED,
                new BigDecimal("5.00"),
                new BigDecimal("5.00"),
                null,
                2L));
  }
}
