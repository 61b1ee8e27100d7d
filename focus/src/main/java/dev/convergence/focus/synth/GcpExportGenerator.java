package dev.convergence.focus.synth;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes Google Cloud detailed billing export rows as newline-delimited JSON: hourly usage with
 * credits, taxes, adjustments, late rows (exported days after their usage), and, with more than one
 * delivery, overlapping extracts that repeat the rows of their overlap exactly, as repeated
 * extracts of the append-only table do.
 */
final class GcpExportGenerator {

  private static final DateTimeFormatter BQ =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final JsonFactory JSON = new JsonFactory();

  private GcpExportGenerator() {}

  static List<Path> generate(GeneratorSettings s) throws IOException {
    Files.createDirectories(s.directory());
    List<Path> files = new ArrayList<>();
    long n = s.rows();
    int extracts = s.deliveries();
    long overlap = extracts == 1 ? 0 : Math.max(1, n / (extracts * 10L));
    for (int e = 0; e < extracts; e++) {
      long from = Math.max(0, n * e / extracts - overlap);
      long to = n * (e + 1) / extracts;
      Path file = s.directory().resolve("extract-" + (e + 1) + ".jsonl");
      try (JsonGenerator out = JSON.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
        out.setRootValueSeparator(new SerializedString("\n"));
        for (long i = from; i < to; i++) {
          write(out, s, i);
        }
        out.writeRaw('\n');
      }
      files.add(file);
    }
    return files;
  }

  private static void write(JsonGenerator g, GeneratorSettings s, long i) throws IOException {
    Instant start = s.period().start();
    long hours = ChronoUnit.HOURS.between(start, s.period().end());
    long hour = i * hours / s.rows();
    Instant usageStart = start.plus(hour, ChronoUnit.HOURS);
    RowDice row = new RowDice(s.seed(), i);
    RowDice dice = RowDice.resource(s.seed(), i - RowDice.firstIndex(hour, s.rows(), hours));
    String[] service = dice.pick(Vocabulary.GCP_SERVICES);
    int project = dice.below(s.accounts());
    BigDecimal wobble = row.wobble();
    BigDecimal quantity = dice.quantity(10).multiply(wobble).setScale(3, RoundingMode.HALF_EVEN);
    BigDecimal cost = dice.money("2.0").multiply(wobble).setScale(10, RoundingMode.HALF_EVEN);
    int roll = row.below(100);
    String costType = roll < 2 ? "tax" : roll < 3 ? "adjustment" : "regular";
    if (costType.equals("regular")) {
      BigDecimal spike =
          s.spikeFactor(LocalDate.ofInstant(usageStart, ZoneOffset.UTC), project, service[0]);
      if (spike.compareTo(BigDecimal.ONE) != 0) {
        cost = cost.multiply(spike);
      }
    }
    boolean late = row.chance(0.02);
    Instant export = usageStart.plus(late ? 75 : 3, ChronoUnit.HOURS);

    g.writeStartObject();
    g.writeStringField("billing_account_id", String.format("01A2B3-C4D5E6-%06d", project / 4));
    g.writeObjectFieldStart("service");
    g.writeStringField("id", costType.equals("tax") ? "Tax" : service[0]);
    g.writeStringField("description", costType.equals("tax") ? "Invoice" : service[1]);
    g.writeEndObject();
    g.writeObjectFieldStart("sku");
    g.writeStringField("id", dice.hex(4).toUpperCase() + "-" + dice.hex(4).toUpperCase());
    g.writeStringField("description", service[1] + " " + service[2]);
    g.writeEndObject();
    g.writeStringField("usage_start_time", BQ.format(usageStart));
    g.writeStringField("usage_end_time", BQ.format(usageStart.plus(1, ChronoUnit.HOURS)));
    g.writeObjectFieldStart("project");
    g.writeStringField("id", "project-" + project);
    g.writeStringField("number", String.valueOf(100_000_000_000L + project));
    g.writeStringField("name", "Project " + project);
    g.writeEndObject();
    g.writeArrayFieldStart("labels");
    label(g, "team", dice.pick(Vocabulary.TEAMS));
    label(g, "env", dice.pick(Vocabulary.ENVIRONMENTS));
    g.writeEndArray();
    g.writeObjectFieldStart("location");
    String region = dice.pick(Vocabulary.GCP_REGIONS);
    g.writeStringField("location", region);
    g.writeStringField("region", region);
    g.writeStringField("zone", region + "-b");
    g.writeEndObject();
    g.writeStringField("export_time", BQ.format(export));
    g.writeFieldName("cost");
    g.writeNumber(costType.equals("adjustment") ? cost.negate() : cost);
    g.writeStringField("currency", "USD");
    g.writeObjectFieldStart("usage");
    if (costType.equals("regular")) {
      g.writeFieldName("amount");
      g.writeNumber(quantity.multiply(BigDecimal.valueOf(3600)));
      g.writeStringField("unit", "seconds");
      g.writeFieldName("amount_in_pricing_units");
      g.writeNumber(quantity);
      g.writeStringField("pricing_unit", service[2]);
    }
    g.writeEndObject();
    g.writeArrayFieldStart("credits");
    if (costType.equals("regular") && row.chance(0.2)) {
      g.writeStartObject();
      boolean cud = row.chance(0.5);
      g.writeStringField("name", cud ? "Committed use discount" : "Free trial");
      g.writeFieldName("amount");
      g.writeNumber(cost.multiply(new BigDecimal("-0.3")));
      g.writeStringField("full_name", cud ? "Committed use discount: CPU" : "Free Trial credit");
      g.writeStringField("id", cud ? "commitment-" + (i % 3) : "promo-1");
      g.writeStringField("type", cud ? "COMMITTED_USAGE_DISCOUNT" : "PROMOTION");
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("invoice");
    g.writeStringField("month", s.period().toString().replace("-", ""));
    g.writeEndObject();
    g.writeStringField("cost_type", costType);
    g.writeFieldName("cost_at_list");
    g.writeNumber(cost.multiply(new BigDecimal("1.25")));
    g.writeEndObject();
  }

  private static void label(JsonGenerator g, String key, String value) throws IOException {
    g.writeStartObject();
    g.writeStringField("key", key);
    g.writeStringField("value", value);
    g.writeEndObject();
  }
}
