package org.egovsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.egovsuite.testing.Projects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's HTML quality report in headless Chromium (Debian's chromium, installed by bin/test):
 * the page loads offline with no console message, its script runs to the end, and it shows every
 * rule result of the run's JSON report.
 */
class QualityReportBrowserTest {
  private static final String CHROMIUM = "/usr/bin/chromium";
  @TempDir Path dir;

  @Test
  void reportLoadsWithoutConsoleErrorsAndShowsEveryRule() throws Exception {
    assertThat(new File(CHROMIUM)).as("Debian chromium; bin/test installs it").exists();
    Path home = Projects.copyConfig(dir.resolve("home"), "un_egdi", "census_city", "nyc311");
    String conf = home.resolve("conf/pipeline.yaml").toString();
    String warehouse = dir.resolve("wh").toString();
    assertThat(CliRun.of("ingest", "--conf", conf, "--warehouse", warehouse).exitCode()).isZero();
    assertThat(CliRun.of("quality", "--conf", conf, "--warehouse", warehouse).exitCode()).isZero();
    CliRun second = CliRun.of("quality", "--conf", conf, "--warehouse", warehouse);
    assertThat(second.exitCode()).as(second.err()).isZero();
    Path html = Path.of(second.out().lines().filter(l -> l.contains("quality    report ")).findFirst().orElseThrow()
        .replaceFirst(".*quality    report ", "").trim());
    JsonNode json = new ObjectMapper().readTree(html.resolveSibling("quality-report.json").toFile());
    String page = Files.readString(html, StandardCharsets.UTF_8);

    Browser loaded = dumpDom(html);

    assertThat(loaded.console()).as("console messages").isEmpty();
    assertThat(loaded.dom()).contains("data-ready=\"true\"");
    assertThat(page).doesNotContainPattern("(src|href)=\"(https?:)?//");
    List<String> expected = new ArrayList<>();
    for (JsonNode dataset : json.get("datasets")) {
      for (JsonNode line : dataset.get("rules")) {
        expected.add(dataset.get("dataset").asText() + "/" + line.get("result").get("ruleId").asText());
      }
    }
    assertThat(expected).hasSizeGreaterThan(20);
    assertThat(loaded.dom()).contains("data-rules=\"" + expected.size() + "\"");
    for (String rule : expected.stream().distinct().toList()) {
      assertThat(loaded.dom()).contains("data-rule=\"" + rule + "\"");
    }
    // census_city's two cities outside the division table are shown as quarantined samples;
    // every metric has two runs of history, drawn as a sparkline.
    assertThat(loaded.dom()).contains("Rows set aside by quarantine rules: 2 (first 2)").contains("<svg class=\"spark\"");
  }

  record Browser(String dom, List<String> console) {}

  /** Loads the page headless and returns the DOM after scripts ran, and Chromium's CONSOLE log lines. */
  private Browser dumpDom(Path html) throws Exception {
    Path profile = Files.createDirectory(dir.resolve("chromium-profile"));
    Path stderr = dir.resolve("chromium.err");
    // The flags keep Chromium off the network (this machine has none) and out of first-run work.
    Process p = new ProcessBuilder(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom", html.toUri().toString())
        .redirectError(stderr.toFile()).start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    try (Stream<String> lines = Files.lines(stderr)) {
      return new Browser(dom, lines.filter(l -> l.contains(":CONSOLE")).toList());
    }
  }
}
