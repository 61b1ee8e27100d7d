package dev.convergence.stages.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.core.request.BillingPeriod;
import org.junit.jupiter.api.Test;

class ExportStatementTest {

  private final BillingExportTable table =
      BillingExportTable.parse("acme-billing.billing_export.gcp_billing_export_resource_v1_01A2B3");

  @Test
  void extractsOneInvoiceMonthToParquetUnderTheRunsStagingPrefix() {
    assertThat(
            ExportStatement.build(
                table,
                BillingPeriod.of(2026, 10),
                "gs://convergence-staging/staging/acme_corp/2026-10-run1/extract/"))
        .isEqualTo(
            "EXPORT DATA OPTIONS(uri='gs://convergence-staging/staging/acme_corp/2026-10-run1/"
                + "extract/*.parquet', format='PARQUET', overwrite=true) AS\n"
                + "SELECT * FROM `acme-billing.billing_export.gcp_billing_export_resource_v1_01A2B3`\n"
                + "WHERE invoice.month = '202610'");
  }

  @Test
  void refusesADestinationThatCouldBreakOutOfTheQuotedUri() {
    assertThatThrownBy(
            () -> ExportStatement.build(table, BillingPeriod.of(2026, 10), "gs://b/x', y='z/"))
        .hasMessage(
            "destination: must be gs://BUCKET/PREFIX/ without quotes or wildcards; got"
                + " 'gs://b/x', y='z/'");
  }

  @Test
  void refusesATableThatIsNotProjectDatasetTable() {
    assertThatThrownBy(() -> BillingExportTable.parse("billing.export"))
        .hasMessage("billing_export_table: must be project.dataset.table; got 'billing.export'");
    assertThatThrownBy(() -> BillingExportTable.parse("acme-billing.bad-name.t"))
        .hasMessage(
            "billing_export_table: the dataset must be letters, digits and _; got 'bad-name'");
  }
}
