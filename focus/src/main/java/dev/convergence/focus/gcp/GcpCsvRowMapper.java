package dev.convergence.focus.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convergence.focus.FocusRow;
import dev.convergence.focus.RejectReason;
import dev.convergence.focus.RowRejectedException;
import dev.convergence.focus.source.CsvRow;
import dev.convergence.focus.source.CsvRowMapper;
import dev.convergence.focus.source.Fields;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Maps a billing export CSV record by rebuilding the export row's JSON shape from its columns
 * ({@link GcpCsvLayout}) and handing it to the same {@link GcpBillingMapper} and {@link
 * GcpRowIdentity} as the JSON-lines reader: the same data gives the same FOCUS rows and identities
 * in either format. An empty field is a null.
 */
final class GcpCsvRowMapper implements CsvRowMapper {

  private static final ObjectMapper READER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private final GcpCsvLayout layout;
  private final int cost;
  private final GcpBillingMapper mapper = new GcpBillingMapper();
  private final GcpRowIdentity identity = new GcpRowIdentity();
  private CsvRow lastRow;
  private ObjectNode lastTree;

  GcpCsvRowMapper(GcpCsvLayout layout) {
    this.layout = layout;
    this.cost = layout.column("cost");
  }

  /** Cost plus credits; just the cost when the credits cannot be read. */
  @Override
  public BigDecimal rawCost(CsvRow row) {
    try {
      return GcpBillingMapper.rawCost(tree(row));
    } catch (RowRejectedException e) {
      return Fields.decimalOrNull(row.get(cost));
    }
  }

  @Override
  public List<FocusRow.Builder> map(CsvRow row) throws RowRejectedException {
    ObjectNode tree = tree(row);
    if (GcpBillingMapper.text(tree, "export_time") == null) {
      throw new RowRejectedException(RejectReason.MISSING_VALUE, "export_time: is empty");
    }
    return mapper.map(tree, identity.of(tree));
  }

  @Override
  public Map<String, Long> unknownServices() {
    return mapper.unknownServices();
  }

  /** The row as the export table holds it; built once per record. */
  private ObjectNode tree(CsvRow row) throws RowRejectedException {
    if (row != lastRow) {
      lastTree = build(row);
      lastRow = row;
    }
    return lastTree;
  }

  private ObjectNode build(CsvRow row) throws RowRejectedException {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    for (int column = 0; column < layout.size(); column++) {
      String text = row.get(column);
      if (Fields.text(text) == null) {
        continue;
      }
      String[] path = layout.path(column);
      ObjectNode parent = root;
      for (int i = 0; i < path.length - 1; i++) {
        JsonNode next = parent.get(path[i]);
        parent = next instanceof ObjectNode object ? object : parent.putObject(path[i]);
      }
      parent.set(path[path.length - 1], value(column, text));
    }
    return root;
  }

  private JsonNode value(int column, String text) throws RowRejectedException {
    if (!layout.isJson(column)) {
      return JsonNodeFactory.instance.textNode(text);
    }
    try {
      JsonNode value = READER.readTree(text);
      if (value == null || !value.isArray()) {
        throw new RowRejectedException(
            RejectReason.INVALID_JSON,
            layout.name(column) + ": is not a JSON array (expected TO_JSON_STRING of the field)");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new RowRejectedException(
          RejectReason.INVALID_JSON, layout.name(column) + ": is not valid JSON");
    }
  }
}
