package dev.convergence.core.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.core.focus.FocusSpec;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarehouseTablesTest {

  @Test
  void focusCostsHoldsTheFocusColumnsThenTheExtensionColumns() {
    assertThat(FocusSpec.COLUMNS).hasSize(57).doesNotHaveDuplicates();
    assertThat(WarehouseTables.FOCUS_COSTS.columnNames())
        .hasSize(67)
        .startsWith(FocusSpec.COLUMNS.toArray(String[]::new))
        .endsWith(
            "x_snapshot_id",
            "x_row_identity",
            "x_source_row_id",
            "x_source_charge_type",
            "x_service_code");
    assertThat(WarehouseTables.FOCUS_COSTS.column("BilledCost").orElseThrow().type())
        .isEqualTo(ColumnType.DECIMAL);
    assertThat(WarehouseTables.FOCUS_COSTS.column("ChargePeriodStart").orElseThrow().type())
        .isEqualTo(ColumnType.TIMESTAMP);
    assertThat(WarehouseTables.FOCUS_COSTS.partitionDay()).isEqualTo("ChargePeriodStart");
    assertThat(WarehouseTables.FOCUS_COSTS.clustering())
        .containsExactly("x_provider", "BillingAccountId");
  }

  @Test
  void aDiffListsMissingColumnsAndRefusesRetypedOnes() {
    Map<String, String> old =
        Map.of("x_tenant_id", "S", "charge_day", "D", "provider", "S", "row_count", "I");
    SchemaDiff diff =
        SchemaDiff.between(
            "acme.daily_costs",
            new TableSchema(
                "daily_costs",
                List.of(
                    Column.required("charge_day", ColumnType.DATE),
                    Column.nullable("billing_period_start", ColumnType.TIMESTAMP),
                    Column.required("row_count", ColumnType.INT64)),
                null,
                List.of(),
                null),
            old,
            c -> c.type().name().substring(0, 1));

    assertThat(diff.missing()).extracting(Column::name).containsExactly("billing_period_start");
    assertThat(diff.conflicts()).isEmpty();
    assertThatThrownBy(diff::requireCurrent)
        .isInstanceOf(WarehouseException.class)
        .hasMessage(
            "acme.daily_costs lacks column(s) [billing_period_start] of the schema catalogue;"
                + " run the additive migration (Warehouse.migrate) first");
  }

  @Test
  void stagedRowsWithoutABillingAccountAreRefused() {
    Publication publication =
        new Publication(
            "acme_corp",
            "r-1",
            Provider.AWS,
            BillingPeriod.of(2026, 11),
            new StagedOutput(
                List.of("staging/acme_corp/r-1/output/focus/part-0.parquet"),
                List.of(),
                List.of()));
    Instant start = BillingPeriod.of(2026, 11).start();

    assertThatThrownBy(
            () ->
                StagedSlices.slices(
                    publication,
                    List.of(
                        new StagedGroup("focus_costs", "acme_corp", "aws", "111", start, 2),
                        new StagedGroup("focus_costs", "acme_corp", "aws", null, start, 1))))
        .isInstanceOf(WarehouseException.class)
        .hasMessage(
            "run r-1 cannot publish acme_corp/aws/2026-11: 1 staged focus_costs row(s) have no"
                + " billing account");
  }
}
