package dev.convergence.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferencesTest {

  @Test
  void findsReferencesOnlyInsideExpressions() {
    String text =
        "var.not_an_expression ${var.region}-${module.storage.bucket_names[\"x\"]} $${var.escaped}";

    assertThat(References.find(References.VARIABLE, text)).containsExactly("region");
    assertThat(References.find(References.MODULE, text)).containsExactly("storage.bucket_names");
  }

  @Test
  void tellsResourcesFromDataSources() {
    String text =
        "${data.google_project.this.number + google_pubsub_topic.dead_letter[each.key].id}";

    assertThat(References.find(References.DATA, text)).containsExactly("google_project.this");
    assertThat(References.find(References.RESOURCE, text))
        .containsExactly("google_pubsub_topic.dead_letter");
  }

  @Test
  void readsNestedBraces() {
    String text = "${merge([for k, v in local.tenants : { (k) = var.region }]...)}";

    assertThat(References.find(References.LOCAL, text)).containsExactly("tenants");
    assertThat(References.find(References.VARIABLE, text)).containsExactly("region");
  }
}
