package dev.convergence.focus.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.convergence.focus.Outcome;
import dev.convergence.focus.RecordSource;
import dev.convergence.focus.SourceContext;
import dev.convergence.focus.source.Inputs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reads newline-delimited JSON, one billing export row per line, holding one line at a time. The
 * text is decoded as {@link Inputs#text} does: a byte-order mark is left out, so the first line
 * parses as JSON whether or not the file starts with one. Each row's identity is {@link
 * GcpRowIdentity}'s: two extracts that serialise the same row differently (key order, timestamp
 * spelling, JSON or CSV) agree, exact duplicates from overlapping extracts share an identity, and a
 * late correction (a new row with a later export time) does not.
 */
final class GcpJsonLinesSource implements RecordSource {

  private static final ObjectMapper READER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private final BufferedReader reader;
  private final GcpRowConverter rows;
  private long line;

  GcpJsonLinesSource(InputStream in, SourceContext context) throws IOException {
    this.reader = new BufferedReader(Inputs.text(in), 1 << 16);
    this.rows = new GcpRowConverter(context);
  }

  @Override
  public Outcome next() throws IOException {
    String text;
    do {
      text = reader.readLine();
      if (text == null) {
        return null;
      }
      line++;
    } while (text.isBlank());
    JsonNode row;
    try {
      row = READER.readTree(text);
    } catch (JsonProcessingException e) {
      return rows.malformed("is not valid JSON: " + e.getOriginalMessage(), line);
    }
    if (row == null || !row.isObject()) {
      return rows.malformed("is not a JSON object", line);
    }
    return rows.convert(row, line);
  }

  @Override
  public Map<String, Long> unknownServices() {
    return rows.unknownServices();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
