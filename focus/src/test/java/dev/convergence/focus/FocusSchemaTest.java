package dev.convergence.focus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FocusSchemaTest {

  private final FocusSchema schema = FocusSchema.v1_2();

  @Test
  void rowColumnsAreTheSpecificationColumnsInSpecificationOrder() {
    List<String> names = schema.columns().stream().map(ColumnSpec::name).toList();

    assertThat(names).hasSize(57);
    assertThat(FocusRow.FOCUS_COLUMNS).containsExactlyElementsOf(names);
    assertThat(FocusRow.X_COLUMNS).allMatch(name -> name.startsWith("x_"));
  }

  @Test
  void carriesLevelsNullabilityAndAllowedValues() {
    ColumnSpec category = schema.column("ChargeCategory");
    assertThat(category.level()).isEqualTo(ColumnSpec.Level.MANDATORY);
    assertThat(category.nullable()).isFalse();
    assertThat(category.allowedValues())
        .containsExactly("Usage", "Purchase", "Tax", "Credit", "Adjustment");

    assertThat(schema.column("Tags").type()).isEqualTo("JSON");
    assertThat(schema.column("PricingQuantity").nullable()).isTrue();
    assertThat(schema.column("ChargeFrequency").allowedValues())
        .containsExactly("One-Time", "Recurring", "Usage-Based");
    assertThat(schema.column("ServiceCategory").allowedValues()).hasSize(19);
  }

  @Test
  void listsSubcategoriesPerCategory() {
    assertThat(schema.subcategoriesOf("Compute"))
        .containsExactly(
            "Containers",
            "End User Computing",
            "Quantum Compute",
            "Serverless Compute",
            "Virtual Machines",
            "Other (Compute)");
    assertThat(schema.subcategoriesOf("Other")).containsExactly("Other (Other)");
    int total =
        schema.column("ServiceCategory").allowedValues().stream()
            .mapToInt(c -> schema.subcategoriesOf(c).size())
            .sum();
    assertThat(total).isEqualTo(82);
  }
}
