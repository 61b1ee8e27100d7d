package dev.convergence.stages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The processing job's run summary ({@code output/summary/part-*.json}): per output its row count
 * and cost total. The check takes from it what is in no output file: the rows the job dropped as
 * exact duplicates or as rows of superseded snapshots; publish and finalize take the run's totals
 * for {@code pipeline_runs} and the run event from it.
 *
 * @param anomalies the anomalies found, with their summed EffectiveCost
 */
public record RunSummary(
    String tenantId,
    String runId,
    Line focusRows,
    Line rejects,
    Line supersededSnapshotRows,
    Line duplicateRows,
    Line anomalies) {

  /** One output's count and exact cost. */
  public record Line(long rows, BigDecimal cost) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parses one summary object; {@code source} names it in messages. */
  public static RunSummary parse(String text, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": is not JSON: " + e.getMessage(), e);
    }
    JsonNode outputs = root.path("outputs");
    return new RunSummary(
        text(root, "tenant_id", source),
        text(root, "run_id", source),
        line(outputs, "focus_rows", "billed_cost", source),
        line(outputs, "rejects", "raw_cost", source),
        line(outputs, "superseded_snapshot_rows", "billed_cost", source),
        line(outputs, "duplicate_rows", "billed_cost", source),
        line(outputs, "anomalies", "effective_cost", source));
  }

  private static String text(JsonNode node, String field, String source) {
    JsonNode value = node.path(field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException(source + ": " + field + " is missing or not text");
    }
    return value.asText();
  }

  private static Line line(JsonNode outputs, String name, String costField, String source) {
    JsonNode node = outputs.path(name);
    JsonNode rows = node.path("rows");
    JsonNode cost = node.path(costField);
    if (!rows.canConvertToLong() || !rows.isIntegralNumber() || !cost.isTextual()) {
      throw new IllegalArgumentException(
          source
              + ": outputs."
              + name
              + " must have rows (an integer) and "
              + costField
              + " (a decimal string)");
    }
    try {
      return new Line(rows.asLong(), new BigDecimal(cost.asText()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          source
              + ": outputs."
              + name
              + "."
              + costField
              + " '"
              + cost.asText()
              + "' is not a"
              + " decimal",
          e);
    }
  }
}
