package dev.convergence.adapters.gcp.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zetasql.SqlException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analyser that checks the BigQuery warehouse's SQL really refuses what BigQuery refuses. */
class GoogleSqlAnalyzerTest {

  private final GoogleSqlAnalyzer analyzer =
      new GoogleSqlAnalyzer("convergence-test").tenant("acme_corp", "run-1").ops();

  private static ObjectNode query(String sql) {
    ObjectNode query = new ObjectMapper().createObjectNode();
    query.put("query", sql);
    return query;
  }

  @Test
  void acceptsTheWarehousesOwnSliceTotalsQuery() {
    assertThat(
            analyzer.analyse(query(new BigQuerySql("convergence-test").sliceTotals("acme_corp"))))
        .isEqualTo(List.of("QueryStmt"));
  }

  @Test
  void refusesADuckDbFunction() {
    assertThatThrownBy(
            () ->
                analyzer.analyse(
                    query(
                        "SELECT epoch_us(BillingPeriodStart) FROM"
                            + " `convergence-test`.`acme_corp`.`focus_costs`")))
        .isInstanceOf(SqlException.class)
        .hasMessageStartingWith("Function not found: epoch_us");
  }

  @Test
  void refusesAColumnTheTableDoesNotHave() {
    assertThatThrownBy(
            () ->
                analyzer.analyse(
                    query(
                        "DELETE FROM `convergence-test`.`acme_corp`.`daily_costs`"
                            + " WHERE BillingAccountId = 'x'")))
        .isInstanceOf(SqlException.class)
        .hasMessageStartingWith("Unrecognized name: BillingAccountId");
  }

  @Test
  void refusesAnUndeclaredParameter() {
    assertThatThrownBy(
            () ->
                analyzer.analyse(
                    query(
                        "DELETE FROM `convergence-test`.`acme_corp`.`focus_costs`"
                            + " WHERE x_provider = @provider")))
        .isInstanceOf(SqlException.class)
        .hasMessageStartingWith("Query parameter 'provider' not found");
  }
}
