package dev.convergence.focus;

import dev.convergence.core.provider.Provider;
import java.math.BigDecimal;
import java.time.Instant;

/** A conformant row to vary in tests. */
final class TestRows {

  private TestRows() {}

  static FocusRow.Builder conformant() {
    return FocusRow.builder()
        .billedCost(new BigDecimal("1.50"))
        .effectiveCost(new BigDecimal("1.50"))
        .listCost(new BigDecimal("2.00"))
        .contractedCost(new BigDecimal("1.50"))
        .billingAccountId("123456789012")
        .billingCurrency("USD")
        .billingPeriodStart(Instant.parse("2026-11-01T00:00:00Z"))
        .billingPeriodEnd(Instant.parse("2026-12-01T00:00:00Z"))
        .chargePeriodStart(Instant.parse("2026-11-03T00:00:00Z"))
        .chargePeriodEnd(Instant.parse("2026-11-03T01:00:00Z"))
        .chargeCategory("Usage")
        .chargeFrequency("Usage-Based")
        .invoiceIssuerName("Amazon Web Services, Inc.")
        .providerName("AWS")
        .publisherName("Amazon Web Services")
        .serviceName("Amazon Elastic Compute Cloud")
        .serviceCategory("Compute")
        .serviceSubcategory("Virtual Machines")
        .xTenantId("acme_corp")
        .xRunId("run-1")
        .xProvider(Provider.AWS)
        .xSourceFile("cur.csv")
        .xSourceLine(2);
  }
}
