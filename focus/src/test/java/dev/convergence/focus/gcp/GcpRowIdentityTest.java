package dev.convergence.focus.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

class GcpRowIdentityTest {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final GcpRowIdentity identity = new GcpRowIdentity();

  @Test
  void theSameValuesSpelledDifferentlyAreOneRow() throws Exception {
    String asJsonLines =
        identity.of(
            JSON.readTree(
                """
                {"cost": 1.50, "export_time": "2023-11-05 14:03:11.123456 UTC",
                 "usage": {"amount": 14400, "unit": "seconds"}, "tags": [], "resource": null,
                 "credits": [{"amount": -0.10, "type": "PROMOTION"}]}"""));
    String asCsv =
        identity.of(
            JSON.readTree(
                """
                {"usage": {"unit": " seconds", "amount": "14400.0"}, "cost": "1.5",
                 "export_time": "2023-11-05T14:03:11.123456Z", "resource": {"name": ""},
                 "credits": [{"type": "PROMOTION", "amount": "-0.1"}]}"""));

    assertThat(asCsv).isEqualTo(asJsonLines).hasSize(64);
  }

  @Test
  void canonicalJsonIsSortedPlainAndWithoutEmptyValues() throws Exception {
    JsonNode row =
        JSON.readTree(
            """
            {"usage": {"amount_in_pricing_units": 3.85e-07, "unit": null}, "cost": "0.000",
             "labels": [], "export_time": "2023-11-06 03:00:00 UTC", "sku": {"id": "E5F0"}}""");

    assertThat(GcpRowIdentity.canonical(row, "").toString())
        .isEqualTo(
            "{\"cost\":0,\"export_time\":\"2023-11-06T03:00:00Z\",\"sku\":{\"id\":\"E5F0\"},"
                + "\"usage\":{\"amount_in_pricing_units\":3.85E-7}}");
  }

  @Test
  void anyValueThatDiffersMakesAnotherRow() throws Exception {
    String first =
        identity.of(JSON.readTree("{\"cost\": 1.5, \"export_time\": \"2023-11-05T14:03:11Z\"}"));
    String later =
        identity.of(JSON.readTree("{\"cost\": 1.5, \"export_time\": \"2023-11-07T02:00:00Z\"}"));
    String dearer =
        identity.of(JSON.readTree("{\"cost\": 1.51, \"export_time\": \"2023-11-05T14:03:11Z\"}"));

    assertThat(later).isNotEqualTo(first);
    assertThat(dearer).isNotEqualTo(first);
  }
}
