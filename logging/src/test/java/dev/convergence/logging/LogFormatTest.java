package dev.convergence.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The lines a deployable writes through SLF4J, as Cloud Logging and a person see them. */
class LogFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream original;

  @BeforeEach
  void captureStandardOutput() {
    original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(original);
    System.clearProperty("convergence.log.format");
    System.setProperty("convergence.log.level", "ERROR");
    reconfigure();
    MDC.clear();
  }

  private static void reconfigure() {
    ((LoggerContext) LogManager.getContext(false)).reconfigure();
  }

  private List<String> linesFor(String format, Runnable logging) {
    System.setProperty("convergence.log.format", format);
    System.setProperty("convergence.log.level", "TRACE");
    reconfigure();
    logging.run();
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private final Logger log = LoggerFactory.getLogger("dev.convergence.ledger.Example");

  @Test
  void jsonLinesCarryAnExplicitCloudLoggingSeverityForEachLevel() throws Exception {
    List<String> lines =
        linesFor(
            "json",
            () -> {
              log.trace("t");
              log.debug("d");
              log.info("i");
              log.warn("w");
              log.error("e");
            });

    assertThat(lines).hasSize(5);
    List<String> severities =
        lines.stream().map(LogFormatTest::parse).map(n -> n.get("severity").asText()).toList();
    assertThat(severities).containsExactly("DEBUG", "DEBUG", "INFO", "WARNING", "ERROR");
  }

  @Test
  void jsonLinesLabelTheTenantAndRunAndFormatTheMessage() {
    List<String> lines =
        linesFor(
            "json",
            () -> {
              MDC.put("tenant_id", "acme_corp");
              MDC.put("run_id", "2026-11-3f9c0a1b2c3d4e5f60718293");
              MDC.put("unrelated", "kept out of the labels");
              log.info("Admitted run {} for period {}", "2026-11-3f9c", "2026-11");
            });

    JsonNode line = parse(lines.get(0));
    assertThat(line.get("message").asText())
        .isEqualTo("Admitted run 2026-11-3f9c for period 2026-11");
    assertThat(line.get("logging.googleapis.com/labels"))
        .isEqualTo(
            JSON.createObjectNode()
                .put("tenant_id", "acme_corp")
                .put("run_id", "2026-11-3f9c0a1b2c3d4e5f60718293"));
    assertThat(line.get("logger").asText()).isEqualTo("dev.convergence.ledger.Example");
    assertThat(line.get("timestamp").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    JsonNode source = line.get("logging.googleapis.com/sourceLocation");
    assertThat(source.get("file").asText()).isEqualTo("LogFormatTest.java");
    assertThat(source.get("line").asInt()).isPositive();
    assertThat(source.get("function").asText())
        .startsWith("lambda$jsonLinesLabelTheTenantAndRunAndFormatTheMessage$");
  }

  @Test
  void aJsonLineCarriesTheExceptionOnOneLine() {
    List<String> lines =
        linesFor("json", () -> log.error("Publish failed", new IllegalStateException("no table")));

    assertThat(lines).hasSize(1);
    JsonNode exception = parse(lines.get(0)).get("exception");
    assertThat(exception.get("class").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(exception.get("message").asText()).isEqualTo("no table");
    assertThat(exception.get("stack_trace").asText())
        .startsWith("java.lang.IllegalStateException: no table");
  }

  @Test
  void textLinesAreReadableAndShowTenantAndRun() {
    List<String> lines =
        linesFor(
            "text",
            () -> {
              log.info("Without a run");
              MDC.put("tenant_id", "acme_corp");
              MDC.put("run_id", "2026-11-3f9c");
              log.warn("Took back slot {}", "ledger/slots/acme_corp/0.json");
            });

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  Example - Without a run");
    assertThat(lines.get(1))
        .matches(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  \\[acme_corp/2026-11-3f9c\\] Example - Took back"
                + " slot ledger/slots/acme_corp/0.json");
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not one JSON object: " + line, e);
    }
  }
}
