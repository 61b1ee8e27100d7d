package dev.convergence.cli.report;

import static dev.convergence.cli.report.WarehouseFixture.ACME_FAILED;
import static dev.convergence.cli.report.WarehouseFixture.ACME_OK;
import static dev.convergence.cli.report.WarehouseFixture.NOW;
import static dev.convergence.cli.report.WarehouseFixture.TOKYO_OK;
import static dev.convergence.cli.report.WarehouseFixture.TOKYO_RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class HtmlReportTest {

  @TempDir static Path directory;

  private static ReportData data;
  private static String html;

  @BeforeAll
  static void writeReport() throws Exception {
    Path warehouse = WarehouseFixture.build(directory);
    data = new DuckDbReportData(warehouse).read(WarehouseFixture.DISPLAY_NAMES, NOW);
    Path file = new HtmlReport().write(data, directory.resolve("out/report.html"));
    html = Files.readString(file, StandardCharsets.UTF_8);
    // A copy to look at: cli/target/report-sample.html.
    new HtmlReport().write(data, Path.of("target", "report-sample.html"));
  }

  @Test
  void everyRunIsNamed() {
    assertThat(html).contains(ACME_OK, ACME_FAILED, TOKYO_OK, TOKYO_RUNNING);
    assertThat(html).contains("id=\"run-" + ACME_FAILED + "\"");
  }

  @Test
  void eachTenantHasItsSectionUnderItsEscapedDisplayName() {
    assertThat(html)
        .contains("<section class=\"tenant\" id=\"tenant-acme_corp\"")
        .contains("<section class=\"tenant\" id=\"tenant-tokyo_labs\"")
        .contains("<section class=\"tenant\" id=\"tenant-idle_co\"")
        .contains(">Acme &amp; Sons &lt;Zürich&gt;</h2>")
        .contains(">東京 Labs</h2>")
        .doesNotContain("Acme & Sons", "<Zürich>");
  }

  @Test
  void totalsArePrintedExactlyWithTheirCurrency() {
    assertThat(html)
        .contains("USD 1,548.85") // acme BilledCost: KPI, total row and the run's BilledCost
        .contains("USD 1,448.85")
        .contains("EUR 311.70")
        .contains("EUR 286.70")
        .contains("<td class=\"num\">1,301.30</td>") // EC2 BilledCost
        .contains("<td class=\"num\">10.05</td>") // 10 × 1.005, not rounded per day
        .contains("USD 1.01") // one day of 1.005, rounded half up for display
        .contains("80.00 – 100.20");
  }

  @Test
  void stringsFromTheDataAreEscaped() {
    assertThat(html.toLowerCase(java.util.Locale.ROOT)).doesNotContain("<script", "<b>ask</b>");
    assertThat(html)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;");
  }

  @Test
  void theReportIsSelfContained() {
    assertThat(html).doesNotContainPattern("(?i)<(script|link|img|iframe)\\b");
    assertThat(html).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
    assertThat(html).doesNotContain("@import", "url(http");
  }

  @Test
  void chartsAreWellFormedInlineSvgWithUniqueIds() throws Exception {
    List<String> svgs = svgFragments(html);

    // acme: daily, cost centres, 2 anomaly series, timeline; tokyo: daily, cost centres, timeline.
    assertThat(svgs).hasSize(8);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    List<String> texts = new ArrayList<>();
    for (String svg : svgs) {
      Document document =
          factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
      assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
      texts.add(document.getDocumentElement().getTextContent());
    }
    // The hostile service name is a legend entry, drawn as text and escaped in the SVG source.
    assertThat(texts).anyMatch(t -> t.contains(WarehouseFixture.HOSTILE_SERVICE));
    assertThat(String.join("", texts)).contains("Amazon EC2", "Compute Engine", "finalize");

    Matcher ids = Pattern.compile("\\bid=[\"']([^\"']+)[\"']").matcher(html);
    Set<String> seen = new HashSet<>();
    List<String> repeated = new ArrayList<>();
    while (ids.find()) {
      if (!seen.add(ids.group(1))) {
        repeated.add(ids.group(1));
      }
    }
    assertThat(repeated).isEmpty();
  }

  @Test
  void everyChartHasATextAlternative() {
    assertThat(html)
        .containsPattern(
            "<figure role=\"img\" aria-label=\"Stacked bar chart of daily EffectiveCost in USD");
    Matcher figures =
        Pattern.compile("<figure role=\"img\" aria-label=\"[^\"]{20,}\"><svg").matcher(html);
    int count = 0;
    while (figures.find()) {
      count++;
    }
    assertThat(count).isEqualTo(svgFragments(html).size());
  }

  @Test
  void theSummaryShowsStatesDataQualityAndDurations() {
    assertThat(html)
        .contains("<span class=\"badge bad\">failed</span>")
        .contains("<span class=\"badge ok\">succeeded</span>")
        .contains("<span class=\"badge info\">running</span>")
        .contains("<span class=\"badge warn\">warnings</span>")
        .contains("1 min 35 s") // acme's October run
        .contains("30.0 s so far") // tokyo's running run
        .contains("check: critical rule row_count_matches failed: 310 rows, source has 312");
  }

  @Test
  void anEmptyWarehouseGivesAReportThatSaysSo() {
    String empty =
        new HtmlReport().render(new ReportData(Instant.parse("2026-11-02T09:00:00Z"), List.of()));

    assertThat(empty).contains("No runs are recorded in this warehouse yet.");
    assertThat(svgFragments(empty)).isEmpty();
  }

  @Test
  void theWrittenFileIsReplacedWhole() throws Exception {
    Path file = directory.resolve("again/report.html");
    HtmlReport report = new HtmlReport();
    report.write(data, file);
    report.write(new ReportData(NOW, List.of()), file);

    assertThat(Files.readString(file)).doesNotContain(ACME_OK);
    try (var listing = Files.list(file.getParent())) {
      assertThat(listing).containsExactly(file.toAbsolutePath());
    }
  }

  private static List<String> svgFragments(String document) {
    List<String> fragments = new ArrayList<>();
    Matcher m = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL).matcher(document);
    while (m.find()) {
      fragments.add(m.group());
    }
    return fragments;
  }
}
