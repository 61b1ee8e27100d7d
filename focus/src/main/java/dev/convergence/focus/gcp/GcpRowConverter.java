package dev.convergence.focus.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convergence.core.provider.Provider;
import dev.convergence.focus.Outcome;
import dev.convergence.focus.RejectReason;
import dev.convergence.focus.RowRejectedException;
import dev.convergence.focus.SourceContext;
import dev.convergence.focus.source.RowFinisher;
import java.util.Map;

/**
 * Turns one billing export row, in the JSON shape the BigQuery table holds it, into its outcome:
 * FOCUS rows with their identity, or a reject carrying the row's cost. The JSON-lines and Parquet
 * readers both end here, so a row read from either format is mapped, identified and checked by the
 * same code and comes out the same.
 */
final class GcpRowConverter {

  private final RowFinisher finisher;
  private final GcpBillingMapper mapper = new GcpBillingMapper();
  private final GcpRowIdentity identity = new GcpRowIdentity();

  GcpRowConverter(SourceContext context) {
    this.finisher = new RowFinisher(context, Provider.GCP);
  }

  /**
   * The outcome of the row read at {@code line} (a line of text, or a row of a Parquet file). The
   * row's raw cost is read only for a reject: a converted row's cost is in its FOCUS rows.
   */
  Outcome convert(JsonNode row, long line) {
    if (GcpBillingMapper.text(row, "export_time") == null) {
      return finisher.reject(
          RejectReason.MISSING_VALUE, "export_time: is empty", line, GcpBillingMapper.rawCost(row));
    }
    try {
      return finisher.finish(mapper.map(row, identity.of(row)), line);
    } catch (RowRejectedException e) {
      return finisher.reject(e.reason(), e.getMessage(), line, GcpBillingMapper.rawCost(row));
    }
  }

  /** A record that is not a row at all (not JSON, not an object): rejected without a cost. */
  Outcome malformed(String message, long line) {
    return finisher.reject(RejectReason.MALFORMED_RECORD, message, line, null);
  }

  Map<String, Long> unknownServices() {
    return mapper.unknownServices();
  }
}
