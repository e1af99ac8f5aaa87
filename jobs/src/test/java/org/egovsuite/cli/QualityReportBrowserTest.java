package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.egovsuite.testing.Chromium;
import org.egovsuite.testing.Projects;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's HTML quality report in headless Chromium (Debian's chromium, installed by bin/test):
 * the page loads offline with no console message, its script runs to the end, and it shows every
 * rule result of the run's JSON report.
 */
@Tag("end-to-end") // runs pipeline commands on copies of the project
class QualityReportBrowserTest {
  @TempDir Path dir;

  @Test
  void reportLoadsWithoutConsoleErrorsAndShowsEveryRule() throws Exception {
    Path home = Projects.copyConfig(dir.resolve("home"), "un_egdi", "census_city", "nyc311");
    String conf = home.resolve("conf/pipeline.yaml").toString();
    String warehouse = dir.resolve("wh").toString();
    assertThat(CliRun.of("ingest", "--conf", conf, "--warehouse", warehouse).exitCode()).isZero();
    assertThat(CliRun.of("quality", "--conf", conf, "--warehouse", warehouse).exitCode()).isZero();
    CliRun second = CliRun.of("quality", "--conf", conf, "--warehouse", warehouse);
    assertThat(second.exitCode()).as(second.err()).isZero();
    Path html =
        Path.of(
            second
                .out()
                .lines()
                .filter(l -> l.startsWith("  report   "))
                .findFirst()
                .orElseThrow()
                .substring("  report   ".length())
                .trim());
    JsonNode json =
        new ObjectMapper().readTree(html.resolveSibling("quality-report.json").toFile());
    String page = Files.readString(html, StandardCharsets.UTF_8);

    Chromium.Page loaded = Chromium.load(html, dir);

    assertThat(loaded.console()).as("console messages").isEmpty();
    assertThat(loaded.dom()).contains("data-ready=\"true\"");
    assertThat(page).doesNotContainPattern("(src|href)=\"(https?:)?//");
    List<String> expected = new ArrayList<>();
    for (JsonNode dataset : json.get("datasets")) {
      for (JsonNode line : dataset.get("rules")) {
        expected.add(dataset.get("dataset").asText() + "/" + line.get("rule").get("id").asText());
      }
    }
    assertThat(expected).hasSizeGreaterThan(20).doesNotHaveDuplicates();
    // one row per rule, not per column: census_city's urban/rural rule covers two columns
    assertThat(loaded.dom()).contains("data-rules=\"" + expected.size() + "\"");
    for (String rule : expected) {
      assertThat(loaded.dom()).contains("data-rule=\"" + rule + "\"");
    }
    assertThat(loaded.dom())
        .contains("<code>population_urban_2020</code>, <code>population_rural_2020</code>")
        // the rule's description and owner (census_city.yaml, un_egdi.yaml)
        .contains("369 prefecture-level units in the 2010-2020 census tables")
        .contains("owner: egov-data-stewards")
        // counts in words: the ten 兵团 cities of the census have no 2020 population
        .contains("10 of 369 rows (2.7%) have no population_2020; the rule needs share &gt;= 1.0")
        .doesNotContain("does not meet the constraint requirement")
        .doesNotContain("WrappedArray")
        // a warn rule's failing rows are shown, not only quarantine rules'
        .contains("Failing rows of <code>population_2020_complete</code> (warn, first 5)")
        .contains("population_2020=null")
        // census_city's two cities outside the division table are shown as quarantined samples
        .contains("Rows set aside by quarantine rules: 2 (first 2)")
        // two runs of history with their values and the rule's bound drawn
        .contains("<svg class=\"trend\"")
        .contains("2 runs: 0.973, 0.973")
        .contains("class=\"bound\"");
    Chromium.screenshot(html, dir, "quality-report", 1400, 2400);
  }
}
