package dev.convergence.cli.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the HTML report shows, read once from the warehouse and handed to {@link HtmlReport}:
 * the report is then a pure function of this value, so it can be tested without a warehouse and
 * read from another warehouse (BigQuery) by filling the same records.
 *
 * @param generatedAt when the data was read; running steps are drawn up to this instant
 * @param tenants one entry per tenant, in the order the report shows them
 */
public record ReportData(Instant generatedAt, List<TenantReport> tenants) {

  public ReportData {
    Objects.requireNonNull(generatedAt, "generatedAt");
    tenants = List.copyOf(tenants);
  }

  /** Every run of every tenant, in tenant order, each tenant's oldest start first. */
  public List<RunReport> runs() {
    return tenants.stream().flatMap(t -> t.runs().stream()).toList();
  }
}
